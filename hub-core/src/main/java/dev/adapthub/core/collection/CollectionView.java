package dev.adapthub.core.collection;

import dev.adapthub.core.repo.Repo;
import java.util.List;

/**
 * A collection as one caller sees it: only the items whose repositories they may read, in order;
 * {@code totalItems} counts those too (a listing shows the first few).
 */
public record CollectionView(RepoCollection collection, List<Entry> items, int totalItems) {

    /** An item with the repository it names, as it is called now. */
    public record Entry(CollectionItem item, Repo repo) {
    }
}
