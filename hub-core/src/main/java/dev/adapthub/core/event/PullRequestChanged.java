package dev.adapthub.core.event;

/**
 * A pull request was opened, its head moved ({@code synchronized}), it was reviewed, merged,
 * closed or reopened.
 *
 * @param action {@code opened}, {@code synchronized}, {@code reviewed}, {@code merged}, {@code closed},
 *               {@code reopened}, {@code edited} (detail: the fields changed, e.g. {@code title,labels})
 * @param detail the review verdict or merge method; null otherwise
 */
public record PullRequestChanged(long repoId, String actor, long number, String action, String title,
        String sourceRef, String targetBranch, String headCommit, String detail) implements HubEvent {
}
