package dev.adapthub.core.repo;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * How much a repository is used, kept in its row so listings sort by it in one query. Written only
 * by {@code dev.adapthub.core.popularity} (plain SQL, after download batches and likes); the entity
 * never writes these columns, so saving a repository cannot overwrite a newer count.
 *
 * @param likes        signed-in accounts that like the repository
 * @param downloads    downloads in the last 30 days (the Hugging Face API's {@code downloads})
 * @param downloadsAll downloads ever counted
 * @param trending     the trending score: likes and downloads of the last 7 days
 */
@Embeddable
public record RepoPopularity(
        @Column(name = "likes_count", insertable = false, updatable = false) long likes,
        @Column(name = "downloads_30d", insertable = false, updatable = false) long downloads,
        @Column(name = "downloads_all", insertable = false, updatable = false) long downloadsAll,
        @Column(name = "trending_score", insertable = false, updatable = false) long trending) {

    public static final RepoPopularity NONE = new RepoPopularity(0, 0, 0, 0);
}
