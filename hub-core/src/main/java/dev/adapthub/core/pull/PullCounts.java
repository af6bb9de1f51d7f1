package dev.adapthub.core.pull;

/** How many of a repository's pull requests are in each state. */
public record PullCounts(long open, long merged, long closed) {
}
