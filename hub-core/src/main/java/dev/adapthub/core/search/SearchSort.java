package dev.adapthub.core.search;

/** How results are ordered. */
public enum SearchSort {
    /** Best match first (names before card text); the default with words. */
    RELEVANCE,
    /** Most recently updated first; the default without words. */
    UPDATED,
    /** Most liked first. */
    LIKES,
    /** Most downloaded over the last 30 days first. */
    DOWNLOADS,
    /** Likes and downloads of the last 7 days (the trending score). */
    TRENDING,
    /** By address. */
    NAME
}
