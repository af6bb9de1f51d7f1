package dev.adapthub.core.collection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A repository in a collection, by database id, so that renames and moves keep it and deleting
 * the repository removes it.
 */
@Entity
@Table(name = "collection_items")
public class CollectionItem {

    public static final int MAX_NOTE = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "object_id", nullable = false, unique = true, updatable = false)
    private String objectId;

    @Column(name = "collection_id", nullable = false, updatable = false)
    private long collectionId;

    @Column(name = "repository_id", nullable = false, updatable = false)
    private long repositoryId;

    @Column(nullable = false)
    private int position;

    @Column
    private String note;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CollectionItem() {
    }

    CollectionItem(String objectId, long collectionId, long repositoryId, int position, String note, Instant now) {
        this.objectId = objectId;
        this.collectionId = collectionId;
        this.repositoryId = repositoryId;
        this.position = position;
        this.note = note;
        this.createdAt = now;
    }

    /** The item's own 24-hex id (Hugging Face's {@code _id}), used to remove it. */
    public String objectId() {
        return objectId;
    }

    long collectionId() {
        return collectionId;
    }

    public long repositoryId() {
        return repositoryId;
    }

    public int position() {
        return position;
    }

    public String note() {
        return note;
    }
}
