package dev.adapthub.core.event;

/**
 * Someone commented on a pull request. Carries the text, so that mentions ({@code @name}) can be
 * found without reading the comment back.
 *
 * @param body the comment as stored (trimmed, at most the comment limit)
 */
public record PullRequestCommented(long repoId, long number, String title, String actor, String body)
        implements HubEvent {
}
