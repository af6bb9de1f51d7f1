package dev.adapthub.core.notification;

/** What a notification is about; pages turn each into a sentence ({@code notifications.kind.<name>}). */
public enum NotificationKind {
    /** Someone asked the recipient to review a pull request. */
    REVIEW_REQUESTED,
    /** Someone approved the recipient's pull request. */
    REVIEW_APPROVED,
    /** Someone asked for changes to the recipient's pull request. */
    REVIEW_CHANGES_REQUESTED,
    /** Someone reviewed the recipient's pull request with a comment. */
    REVIEW_COMMENTED,
    /** Every check of the head of the recipient's pull request finished; detail: the overall state. */
    CHECKS_FINISHED,
    /** The recipient's pull request was merged. */
    MERGED,
    /** The recipient's pull request was closed without merging. */
    CLOSED,
    /** Someone wrote {@code @recipient} in a pull request comment. */
    MENTIONED,
    /** The validation of a config the recipient authored went stale; detail: why. */
    VALIDATION_STALE
}
