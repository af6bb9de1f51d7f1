package dev.adapthub.core.event;

/**
 * A validation check run of a pull request finished.
 *
 * @param conclusion {@code success}, {@code failure} or {@code error}
 */
public record CheckCompleted(long repoId, long pullRequestId, long checkRunId, String name, String headCommit,
        String conclusion, String summary) implements HubEvent {

    @Override
    public String actor() {
        return null;
    }
}
