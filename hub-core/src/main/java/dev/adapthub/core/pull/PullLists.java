package dev.adapthub.core.pull;

import dev.adapthub.core.cluster.ClusterGenerations;
import dev.adapthub.core.cluster.RowsKept;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A repository's pull requests by state, and its counts of open, merged and closed ones, kept in
 * memory for the list page, the API and the refs answer. Each view of {@code /{repo}/pulls} read
 * every row of the state and counted the three states: four queries for a page that changes only
 * when a pull request does, most of its time once the rendered page itself was kept (issue #15).
 *
 * <p>The rule of the repository rows: every insert, update and delete of a {@code pull_requests}
 * row moves the {@link #GENERATION} counter ({@code RowWrites} on the entity), so this process reads again
 * after its own change and another process within {@code hub.cluster.poll-interval}. Deleting a
 * repository removes its rows without JPA seeing it, but a repository id is never used again, so
 * nothing asks for those entries afterwards. Inside a transaction the database is read
 * ({@link RowsKept}).
 */
@Component
class PullLists {

    /** The {@link ClusterGenerations} topic moved by every write of a {@code pull_requests} row. */
    static final String GENERATION = "pull-requests";

    private record Query(long repositoryId, PullState state) {
    }

    private final PullRequests pulls;
    private final RowsKept<Query, List<PullRequest>> listings;
    private final RowsKept<Long, PullCounts> counts;

    PullLists(PullRequests pulls, ClusterGenerations generations) {
        this.pulls = pulls;
        this.listings = RowsKept.rows(generations, GENERATION, 20_000, List::size);
        this.counts = RowsKept.entries(generations, 10_000, GENERATION);
    }

    /** The repository's pull requests in {@code state} (null: in any), newest first. */
    List<PullRequest> listing(long repositoryId, PullState state) {
        return listings.get(new Query(repositoryId, state), () -> List.copyOf(state == null
                ? pulls.findByRepositoryIdOrderByNumberDesc(repositoryId)
                : pulls.findByRepositoryIdAndStateOrderByNumberDesc(repositoryId, state)));
    }

    PullCounts counts(long repositoryId) {
        return counts.get(repositoryId, () -> new PullCounts(
                pulls.countByRepositoryIdAndState(repositoryId, PullState.OPEN),
                pulls.countByRepositoryIdAndState(repositoryId, PullState.MERGED),
                pulls.countByRepositoryIdAndState(repositoryId, PullState.CLOSED)));
    }
}
