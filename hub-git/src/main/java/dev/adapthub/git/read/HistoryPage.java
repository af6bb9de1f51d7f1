package dev.adapthub.git.read;

import java.util.List;

/**
 * One page of history, newest first.
 *
 * @param hasMore true when a further page exists (at {@code offset + commits.size()})
 */
public record HistoryPage(List<CommitInfo> commits, int offset, boolean hasMore) {
    public HistoryPage {
        commits = List.copyOf(commits);
    }
}
