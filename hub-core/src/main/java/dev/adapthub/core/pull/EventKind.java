package dev.adapthub.core.pull;

/** The entries of a pull request's conversation, in the order they happened. */
public enum EventKind {
    OPENED, COMMENT, REVIEW, PUSHED, REVIEWS_DISMISSED, CLOSED, REOPENED, MERGED, READY_FOR_REVIEW, EDITED, REVIEW_REQUESTED, LINE_COMMENT
}
