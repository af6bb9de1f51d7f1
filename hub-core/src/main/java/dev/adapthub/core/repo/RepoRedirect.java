package dev.adapthub.core.repo;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An old address of a renamed repository, so old links and clones keep working. */
@Entity
@Table(name = "repository_redirects")
class RepoRedirect {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RepoKind kind;

    @Column(name = "owner_lower", nullable = false)
    private String ownerLower;

    @Column(name = "name_lower", nullable = false)
    private String nameLower;

    @Column(name = "repository_id", nullable = false)
    private long repositoryId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected RepoRedirect() {
    }

    RepoRedirect(RepoKind kind, String ownerLower, String nameLower, long repositoryId, Instant createdAt) {
        this.kind = kind;
        this.ownerLower = ownerLower;
        this.nameLower = nameLower;
        this.repositoryId = repositoryId;
        this.createdAt = createdAt;
    }

    long repositoryId() {
        return repositoryId;
    }
}
