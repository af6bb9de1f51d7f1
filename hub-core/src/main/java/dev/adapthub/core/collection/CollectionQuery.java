package dev.adapthub.core.collection;

import dev.adapthub.core.repo.RepoKind;
import java.util.List;

/**
 * A listing: owners (empty: any), a repository the collections must hold ({@code itemKind} null:
 * any), a text in the title or description (null: any), at most {@code limit} collections, most
 * recently updated first.
 */
public record CollectionQuery(List<String> owners, RepoKind itemKind, String itemOwner, String itemName,
        String text, int limit) {

    public static final int MAX_LIMIT = 100;

    public CollectionQuery {
        owners = owners == null ? List.of() : List.copyOf(owners);
        limit = limit <= 0 ? MAX_LIMIT : Math.min(limit, MAX_LIMIT);
    }
}
