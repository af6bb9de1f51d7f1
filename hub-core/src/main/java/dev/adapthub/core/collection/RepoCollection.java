package dev.adapthub.core.collection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/**
 * A collection: a titled, ordered list of repositories under a user or organization, such as an
 * adaptation kit (a model with its configs, tools and dataset for one chip). Its address is the
 * Hugging Face slug {@code owner/title-slug-objectid}; only the object id identifies it.
 */
@Entity
@Table(name = "collections")
public class RepoCollection {

    public static final int MAX_TITLE = 60;
    public static final int MAX_DESCRIPTION = 150;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "object_id", nullable = false, unique = true, updatable = false)
    private String objectId;

    @Column(name = "owner_name", nullable = false)
    private String ownerName;

    @Column(name = "owner_lower", nullable = false)
    private String ownerLower;

    @Column(nullable = false)
    private String title;

    @Column
    private String description;

    @Column(name = "is_private", nullable = false)
    private boolean privateCollection;

    @Column(name = "created_by", nullable = false)
    private long createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected RepoCollection() {
    }

    RepoCollection(String objectId, String ownerName, String title, String description, boolean privateCollection,
            long createdBy, Instant now) {
        this.objectId = objectId;
        this.ownerName = ownerName;
        this.ownerLower = ownerName.toLowerCase(Locale.ROOT);
        this.title = title;
        this.description = description;
        this.privateCollection = privateCollection;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    long id() {
        return id;
    }

    /** The 24-hex id at the end of the slug, as Hugging Face's {@code _id}. */
    public String objectId() {
        return objectId;
    }

    public String owner() {
        return ownerName;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public boolean isPrivate() {
        return privateCollection;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** {@code owner/title-slug-objectid}, the collection's address in the API and on the page. */
    public String slug() {
        return ownerName + "/" + CollectionSlugs.titlePart(title) + "-" + objectId;
    }

    void touch(Instant now) {
        this.updatedAt = now;
    }
}
