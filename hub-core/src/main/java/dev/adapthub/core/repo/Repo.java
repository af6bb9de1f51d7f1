package dev.adapthub.core.repo;

import dev.adapthub.core.cluster.KeptTopic;
import dev.adapthub.core.cluster.RowWrites;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/**
 * A hub repository: its address ({@code kind}, owner, name), visibility, and where its bare
 * Git repository lives ({@link #storageId()}, which never changes on rename).
 */
@Entity
@Table(name = "repositories")
@EntityListeners(RowWrites.class)
@KeptTopic(RepoRows.GENERATION)
public class Repo {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "storage_id", nullable = false, unique = true, updatable = false)
    private String storageId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RepoKind kind;

    @Column(name = "owner_name", nullable = false)
    private String ownerName;

    @Column(name = "owner_lower", nullable = false)
    private String ownerLower;

    @Column(nullable = false)
    private String name;

    @Column(name = "name_lower", nullable = false)
    private String nameLower;

    @Column(name = "is_private", nullable = false)
    private boolean privateRepo;

    @Column(name = "default_branch", nullable = false)
    private String defaultBranch;

    @Column(name = "created_by", nullable = false)
    private long createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RepoGate gated = RepoGate.NONE;

    @Column(name = "discussions_disabled", nullable = false)
    private boolean discussionsDisabled;

    @Embedded
    private RepoSummary summary = RepoSummary.EMPTY;

    @Embedded
    private RepoPopularity popularity = RepoPopularity.NONE;

    protected Repo() {
    }

    Repo(String storageId, RepoKind kind, String ownerName, String name, boolean privateRepo, long createdBy,
            Instant now) {
        this.storageId = storageId;
        this.kind = kind;
        this.ownerName = ownerName;
        this.ownerLower = ownerName.toLowerCase(Locale.ROOT);
        this.name = name;
        this.nameLower = name.toLowerCase(Locale.ROOT);
        this.privateRepo = privateRepo;
        this.defaultBranch = "main";
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public long id() {
        return id;
    }

    public String storageId() {
        return storageId;
    }

    public RepoKind kind() {
        return kind;
    }

    public String owner() {
        return ownerName;
    }

    public String name() {
        return name;
    }

    /** {@code owner/name}, the Hugging Face repo id. */
    public String fullName() {
        return ownerName + "/" + name;
    }

    /** The page path without a leading slash: {@code owner/name}, {@code datasets/owner/name}, … */
    public String urlPath() {
        return kind.urlPrefix() + fullName();
    }

    public boolean isPrivate() {
        return privateRepo;
    }

    public String defaultBranch() {
        return defaultBranch;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public RepoGate gated() {
        return gated == null ? RepoGate.NONE : gated;
    }

    /** Whether new pull requests (Hugging Face's discussions) are refused through the API. */
    public boolean discussionsDisabled() {
        return discussionsDisabled;
    }

    void changeSettings(boolean privateRepo, RepoGate gated, boolean discussionsDisabled, Instant now) {
        this.privateRepo = privateRepo;
        this.gated = gated;
        this.discussionsDisabled = discussionsDisabled;
        this.updatedAt = now;
    }

    void moveTo(String ownerName, String newName, Instant now) {
        this.ownerName = ownerName;
        this.ownerLower = ownerName.toLowerCase(Locale.ROOT);
        rename(newName, now);
    }

    /** What the last refresh found in the repository's default branch. */
    public RepoSummary summary() {
        return summary == null ? RepoSummary.EMPTY : summary;
    }

    /** Likes, downloads and trending score as last refreshed (they lag downloads by a few seconds). */
    public RepoPopularity popularity() {
        return popularity == null ? RepoPopularity.NONE : popularity;
    }

    void updateSummary(RepoSummary summary, Instant now) {
        this.summary = summary;
        this.updatedAt = now;
    }

    void rename(String newName, Instant now) {
        this.name = newName;
        this.nameLower = newName.toLowerCase(Locale.ROOT);
        this.updatedAt = now;
    }
}
