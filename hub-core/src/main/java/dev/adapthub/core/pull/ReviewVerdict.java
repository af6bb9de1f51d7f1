package dev.adapthub.core.pull;

/** What a review says; a reviewer's latest review is the one that counts. */
public enum ReviewVerdict {
    APPROVE, REQUEST_CHANGES, COMMENT
}
