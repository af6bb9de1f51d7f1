package dev.adapthub.core.pull.check;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.pull.PullRequest;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoPermission;
import dev.adapthub.core.repo.RepoService;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Check runs of pull requests: created pending in the transaction that records a new head (so
 * the merge gate never sees a head without its checks), executed as background jobs.
 */
@Service
public class CheckRuns {

    private final CheckRunRows rows;
    private final RepoService repos;
    private final Clock clock;

    CheckRuns(CheckRunRows rows, RepoService repos, Clock clock) {
        this.rows = rows;
        this.repos = repos;
        this.clock = clock;
    }

    /** Creates the pending runs for the PR's current head; jobs start after the transaction commits. */
    @Transactional
    public List<CheckRun> createFor(Repo repo, PullRequest pr) {
        return List.of();
    }

    /** The latest run per config and chip at the PR's current head. */
    @Transactional(readOnly = true)
    public CheckSummary summary(PullRequest pr) {
        return summaryAt(pr, pr.headCommit());
    }

    @Transactional(readOnly = true)
    public CheckSummary summaryAt(PullRequest pr, String head) {
        Map<String, CheckRun> latest = new LinkedHashMap<>();
        for (CheckRun run : rows.findByPullRequestIdAndHeadCommitOrderByIdAsc(pr.id(), head)) {
            latest.put(run.configPath() + "\u0000" + run.chip(), run);
        }
        return new CheckSummary(head, List.copyOf(latest.values()));
    }

    /** Every run of the PR, newest first (older heads included), for the checks tab's history. */
    @Transactional(readOnly = true)
    public List<CheckRun> history(PullRequest pr) {
        return rows.findByPullRequestIdOrderByIdDesc(pr.id());
    }

    /** Runs the checks of the current head again; maintainers only. */
    @Transactional
    public List<CheckRun> rerun(Account actor, Repo repo, PullRequest pr) {
        repos.require(repo, actor, RepoPermission.MAINTAIN);
        return createFor(repo, pr);
    }
}
