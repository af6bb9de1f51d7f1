package dev.adapthub.core.pull.check;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dev.adapthub.core.account.Account;
import dev.adapthub.core.common.AfterCommit;
import dev.adapthub.core.common.ConflictException;
import dev.adapthub.core.pull.PullRequest;
import dev.adapthub.core.pull.protection.BranchProtections;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoPermission;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.validation.ConfigValidations;
import dev.adapthub.git.GitException;
import dev.adapthub.git.store.RepositoryStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Check runs of pull requests. The pending runs of a head are created in the transaction that
 * records the head (so the merge gate never sees a head without its checks) and executed as
 * db-scheduler jobs once it commits: every inference config the PR adds or changes, on its
 * target chip and on each extra chip the repository lists.
 */
@Service
public class CheckRuns {

    private static final Logger log = LoggerFactory.getLogger(CheckRuns.class);

    /** Bound on the runs of one head (configs × chips), so one push cannot flood the queue. */
    static final int MAX_RUNS_PER_HEAD = 100;

    private final CheckRunRows rows;
    private final RepoService repos;
    private final RepositoryStore store;
    private final ConfigValidations validations;
    private final BranchProtections protections;
    private final Scheduler scheduler;
    private final OneTimeTask<String> task;
    private final Clock clock;

    CheckRuns(CheckRunRows rows, RepoService repos, RepositoryStore store, ConfigValidations validations,
            BranchProtections protections, Scheduler scheduler, OneTimeTask<String> pullCheckTask, Clock clock) {
        this.rows = rows;
        this.repos = repos;
        this.store = store;
        this.validations = validations;
        this.protections = protections;
        this.scheduler = scheduler;
        this.task = pullCheckTask;
        this.clock = clock;
    }

    /** Creates the pending runs for the PR's current head; their jobs start after the transaction commits. */
    @Transactional
    public List<CheckRun> createFor(Repo repo, PullRequest pr) {
        ObjectId head = ObjectId.fromString(pr.headCommit());
        ObjectId base = baseOf(repo, pr, head);
        // Without a common ancestor every config of the head is new.
        List<String> paths = base == null ? validations.configPaths(repo, head)
                : validations.changedConfigPaths(repo, base, head);
        List<String> chips = new ArrayList<>();
        chips.add(null);
        chips.addAll(protections.options(repo).extraChips());
        List<CheckRun> created = new ArrayList<>();
        for (String path : paths) {
            for (String chip : chips) {
                if (created.size() == MAX_RUNS_PER_HEAD) {
                    break;
                }
                created.add(rows.save(new CheckRun(repo.id(), pr.id(), pr.headCommit(), path, chip, clock.instant())));
            }
        }
        rows.flush();
        List<Long> ids = created.stream().map(CheckRun::id).toList();
        if (!ids.isEmpty()) {
            // db-scheduler's data source joins this transaction: the jobs commit with the runs or not at all.
            ids.forEach(this::schedule);
            AfterCommit.run(scheduler::triggerCheckForDueExecutions);
            log.info("{} check(s) queued for pull request #{} of {} at {}", ids.size(), pr.number(), repo.fullName(),
                    pr.headCommit().substring(0, 7));
        }
        return created;
    }

    private void schedule(long runId) {
        scheduler.scheduleIfNotExists(task.instance("check-" + runId, Long.toString(runId)), Instant.now());
    }

    private ObjectId baseOf(Repo repo, PullRequest pr, ObjectId head) {
        try {
            Repository git = store.open(repos.storageOf(repo));
            Ref target = git.exactRef("refs/heads/" + pr.targetBranch());
            if (target == null || target.getObjectId() == null) {
                return null;
            }
            return MergeBase.of(git, target.getObjectId(), head).orElse(null);
        } catch (GitException e) {
            throw new IllegalStateException("Could not open the repository " + repo.fullName(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /** Runs the checks of the current head again; maintainers only, open PRs only. */
    @Transactional
    public List<CheckRun> rerun(Account actor, Repo repo, PullRequest pr) {
        repos.require(repo, actor, RepoPermission.MAINTAIN);
        if (pr.repositoryId() != repo.id()) {
            throw new IllegalArgumentException("pull request of another repository");
        }
        if (!pr.isOpen()) {
            throw new ConflictException("checks", "Pull request #" + pr.number() + " is " + pr.state().label()
                    + "; checks re-run only for open pull requests.");
        }
        return createFor(repo, pr);
    }
}
