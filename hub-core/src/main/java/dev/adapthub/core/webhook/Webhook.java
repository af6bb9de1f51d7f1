package dev.adapthub.core.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A webhook of one repository or of one organization (all its repositories): where to POST which
 * events, signed with its secret. The secret is readable only inside this package (for signing).
 */
@Entity
@Table(name = "webhooks")
public class Webhook {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "repository_id")
    private Long repositoryId;

    @Column(name = "organization_id")
    private Long organizationId;

    @Column(nullable = false)
    private String url;

    @Column(nullable = false)
    private String secret;

    @Column(nullable = false)
    private String events;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Webhook() {
    }

    Webhook(Long repositoryId, Long organizationId, String url, String secret, List<String> events, String createdBy,
            Instant createdAt) {
        this.repositoryId = repositoryId;
        this.organizationId = organizationId;
        this.url = url;
        this.secret = secret;
        this.events = String.join(",", events);
        this.active = true;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public long id() {
        return id;
    }

    public Long repositoryId() {
        return repositoryId;
    }

    public Long organizationId() {
        return organizationId;
    }

    public String url() {
        return url;
    }

    String secret() {
        return secret;
    }

    public List<String> events() {
        return Arrays.asList(events.split(","));
    }

    public boolean subscribes(String event) {
        return events().contains(event);
    }

    public boolean active() {
        return active;
    }

    void setActive(boolean active) {
        this.active = active;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
