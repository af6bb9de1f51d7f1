package dev.adapthub.core.collection;

/** What a new collection is created with; {@code namespace} is the owning user or organization. */
public record NewCollection(String namespace, String title, String description, boolean privateCollection) {
}
