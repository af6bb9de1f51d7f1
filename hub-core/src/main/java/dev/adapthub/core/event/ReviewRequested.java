package dev.adapthub.core.event;

/**
 * A reviewer was asked to review a pull request.
 *
 * @param repoId   the repository of the pull request
 * @param number   the pull request's number
 * @param reviewer the user name asked to review
 * @param actor    who asked
 */
public record ReviewRequested(long repoId, long number, String reviewer, String actor) implements HubEvent {
}
