package dev.adapthub.core.collection;

import dev.adapthub.core.common.ConflictException;

/** A collection with the same title exists under the namespace; the clients read its slug. */
public class CollectionExistsException extends ConflictException {

    private final String slug;

    CollectionExistsException(String slug) {
        super("title", "A collection with this title exists already: " + slug + ".");
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}
