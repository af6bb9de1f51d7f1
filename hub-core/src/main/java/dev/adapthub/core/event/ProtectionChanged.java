package dev.adapthub.core.event;

/**
 * A branch protection rule or the pull request options of a repository changed.
 *
 * @param change {@code saved}, {@code removed} or {@code options}
 * @param detail the rule or options as they are now
 */
public record ProtectionChanged(long repoId, String actor, String pattern, String change, String detail)
        implements HubEvent {
}
