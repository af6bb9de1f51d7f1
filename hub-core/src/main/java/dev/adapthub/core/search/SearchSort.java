package dev.adapthub.core.search;

/** How results are ordered. */
public enum SearchSort {
    /** Best match first (names before card text); the default with words. */
    RELEVANCE,
    /** Most recently updated first; the default without words. */
    UPDATED,
    /** By address. */
    NAME
}
