package dev.adapthub.core.notification;

/**
 * A notification as one English sentence, for e-mail (which goes out without a reader's language;
 * pages use the message bundle, {@code notifications.kind.*}).
 */
final class NotificationText {

    private NotificationText() {
    }

    static String sentence(Notification n, String repo) {
        String who = n.actor() == null ? "The hub" : n.actor();
        String about = repo + ": " + n.subject();
        return switch (n.kind()) {
            case REVIEW_REQUESTED -> who + " asked you to review " + about;
            case REVIEW_APPROVED -> who + " approved " + about;
            case REVIEW_CHANGES_REQUESTED -> who + " requested changes to " + about;
            case REVIEW_COMMENTED -> who + " reviewed " + about;
            case CHECKS_FINISHED -> "Checks finished (" + n.detail() + ") on " + about;
            case MERGED -> who + " merged " + about;
            case CLOSED -> who + " closed " + about;
            case MENTIONED -> who + " mentioned you on " + about;
            case VALIDATION_STALE -> "The validation of " + about + " went stale"
                    + (n.detail() == null ? "" : ": " + n.detail());
        };
    }
}
