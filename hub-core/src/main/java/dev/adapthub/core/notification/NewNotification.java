package dev.adapthub.core.notification;

/**
 * A notification to be made.
 *
 * @param actor        who caused it (an account name), or null for the hub itself
 * @param repositoryId the repository it is about: nobody who cannot read it is notified
 * @param subject      a pull request's title, a config's path
 * @param detail       the checks' overall state, why a validation went stale; may be null
 * @param link         the page it is about, from the site root ({@code /owner/name/pulls/3})
 * @param dedupeKey    one notification per recipient and key (null: no such limit)
 */
public record NewNotification(NotificationKind kind, String actor, long repositoryId, String subject, String detail,
        String link, String dedupeKey) {
}
