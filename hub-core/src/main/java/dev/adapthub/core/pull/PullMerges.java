package dev.adapthub.core.pull;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.common.ForbiddenException;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.common.TextFields;
import dev.adapthub.core.pull.check.CheckRun;
import dev.adapthub.core.pull.check.CheckStatus;
import dev.adapthub.core.pull.check.CheckSummary;
import dev.adapthub.core.pull.check.CheckRuns;
import dev.adapthub.core.pull.protection.BranchProtections;
import dev.adapthub.core.pull.protection.ProtectionRule;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoPermission;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.GitErrors;
import dev.adapthub.core.repo.content.RefsMoved;
import dev.adapthub.core.repo.content.RepoIndexer;
import dev.adapthub.git.GitException;
import dev.adapthub.git.GitNotFoundException;
import dev.adapthub.git.RefConflictException;
import dev.adapthub.git.merge.MergeCheck;
import dev.adapthub.git.merge.MergeConflictException;
import dev.adapthub.git.merge.MergeMethod;
import dev.adapthub.git.merge.MergeRequest;
import dev.adapthub.git.merge.MergeResult;
import dev.adapthub.git.merge.Merges;
import dev.adapthub.git.refs.RefUpdater;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * The merge gate and the merge. The gate is evaluated in a fixed order (open → may merge → not a
 * draft → mergeable → checks at the current head → fresh approvals → no requested changes) and
 * every condition carries its reason. A merge waits for its turn on the target branch (merges
 * into one branch take turns within this process, see {@link MergeQueue}), holds the PR's row
 * lock (so one PR merges once), re-checks the gate, merges exactly the recorded head and moves the
 * target by compare-and-swap; when something else moved the target meanwhile (a push, another
 * process) it re-does the whole thing, gate included, on the new tip after a short random pause,
 * until {@code hub.pull.merge-deadline} (30 s) passes, and only then refuses with 409. Commits are
 * never lost: a ref only moves from the tip the merge saw.
 */
@Service
public class PullMerges {

    private static final Logger log = LoggerFactory.getLogger(PullMerges.class);

    private final PullRequests pulls;
    private final PullEvents events;
    private final PullRequestService service;
    private final RepoService repos;
    private final BranchProtections protections;
    private final CheckRuns checks;
    private final Merges merges;
    private final RepoIndexer indexer;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final MergeQueue queue;

    PullMerges(PullRequests pulls, PullEvents events, PullRequestService service, RepoService repos,
            BranchProtections protections, CheckRuns checks, RefUpdater refs, RepoIndexer indexer,
            ApplicationEventPublisher publisher, PlatformTransactionManager transactions, Clock clock,
            @Value("${hub.pull.merge-deadline:30s}") Duration mergeDeadline) {
        this.publisher = publisher;
        this.tx = new TransactionTemplate(transactions);
        this.pulls = pulls;
        this.events = events;
        this.service = service;
        this.repos = repos;
        this.protections = protections;
        this.checks = checks;
        this.merges = new Merges(refs);
        this.indexer = indexer;
        this.clock = clock;
        this.queue = new MergeQueue(mergeDeadline);
    }

    /** The gate as {@code viewer} (may be null: anonymous) would meet it now. */
    @Transactional(readOnly = true)
    public MergeGate gate(Account viewer, Repo repo, PullRequest pr) {
        return evaluate(viewer, repo, pr, service.git(repo));
    }

    private MergeGate evaluate(Account viewer, Repo repo, PullRequest pr, Repository git) {
        Optional<ProtectionRule> rule = protections.ruleFor(repo, pr.targetBranch());
        List<GateCondition> conditions = new ArrayList<>();
        conditions.add(new GateCondition("open", pr.isOpen(), pr.isOpen() ? "The pull request is open."
                : "The pull request is " + pr.state().label() + "."));

        RepoPermission needed = rule.map(ProtectionRule::mergePermission).orElse(RepoPermission.WRITE);
        RepoPermission granted = viewer == null ? RepoPermission.NONE : repos.permission(repo, viewer);
        boolean mayMerge = granted.allows(needed);
        conditions.add(new GateCondition("permission", mayMerge, mayMerge ? "You may merge into " + pr.targetBranch()
                + "." : "Merging into " + pr.targetBranch() + " needs " + needed.name().toLowerCase()
                + " permission; " + (viewer == null ? "sign in." : "you have " + granted.name().toLowerCase() + ".")));

        conditions.add(new GateCondition("draft", !pr.isDraft(), pr.isDraft()
                ? "The pull request is a draft; mark it ready for review first." : "Ready for review."));

        MergeCheck check = null;
        List<String> conflicts = List.of();
        String mergeable;
        try {
            check = merges.check(git, pr.targetBranch(), ObjectId.fromString(pr.headCommit()));
            conflicts = check.conflicts();
            mergeable = switch (check.status()) {
                case FAST_FORWARD -> null;
                case CLEAN -> null;
                case UP_TO_DATE -> pr.targetBranch() + " already contains every commit of this pull request:"
                        + " nothing to merge.";
                case CONFLICTS -> "Conflicts with " + pr.targetBranch() + " in " + String.join(", ", conflicts)
                        + "; update the source to resolve them.";
            };
        } catch (GitNotFoundException e) {
            mergeable = "The target branch " + pr.targetBranch() + " no longer exists.";
        } catch (GitException e) {
            throw GitErrors.translate(e);
        }
        conditions.add(new GateCondition("mergeable", mergeable == null, mergeable == null
                ? (check.status() == MergeCheck.Status.FAST_FORWARD ? "Fast-forwards " : "Merges cleanly into ")
                        + pr.targetBranch() + "." : mergeable));

        conditions.add(checksCondition(pr, rule));
        conditions.addAll(reviewConditions(repo, pr, rule));
        return new MergeGate(conditions, check, conflicts);
    }

    private GateCondition checksCondition(PullRequest pr, Optional<ProtectionRule> rule) {
        CheckSummary summary = checks.summary(pr);
        boolean required = rule.map(ProtectionRule::requireChecks).orElse(false);
        String head = pr.headCommit().substring(0, 7);
        if (summary.none()) {
            return new GateCondition("checks", true, "No inference config changes at " + head + ": nothing to check.");
        }
        if (summary.allSucceeded()) {
            return new GateCondition("checks", true, "All " + summary.runs().size() + " checks passed at " + head + ".");
        }
        String state = summary.running() ? summary.count(CheckStatus.PENDING) + " of " + summary.runs().size()
                + " checks are still running at " + head + "."
                : "Checks did not pass at " + head + ": " + String.join("; ", summary.runs().stream()
                        .filter(r -> r.status() != CheckStatus.SUCCESS)
                        .map(r -> r.name() + " " + r.status().label()).toList()) + ".";
        return new GateCondition("checks", !required, required ? state : state + " (not required)");
    }

    /**
     * Approvals and requests for changes count from reviewers who may write to the repository
     * (besides the author): anyone who can read may review, but a stranger's account can neither
     * satisfy the rule nor block the merge.
     */
    private List<GateCondition> reviewConditions(Repo repo, PullRequest pr, Optional<ProtectionRule> rule) {
        Map<Long, PullEvent> latest = new LinkedHashMap<>();
        Map<Long, Boolean> writers = new HashMap<>();
        for (PullEvent review : events.findByPullRequestIdAndKindOrderByIdAsc(pr.id(), EventKind.REVIEW)) {
            if (review.reviewVerdict() != ReviewVerdict.COMMENT && !review.isDismissed()
                    && review.actorId() != pr.authorId()
                    && writers.computeIfAbsent(review.actorId(), id -> mayWrite(repo, id))) {
                latest.put(review.actorId(), review);
            }
        }
        long fresh = latest.values().stream().filter(r -> r.reviewVerdict() == ReviewVerdict.APPROVE
                && r.commitId().equals(pr.headCommit())).count();
        long stale = latest.values().stream().filter(r -> r.reviewVerdict() == ReviewVerdict.APPROVE
                && !r.commitId().equals(pr.headCommit())).count();
        long changes = latest.values().stream().filter(r -> r.reviewVerdict() == ReviewVerdict.REQUEST_CHANGES)
                .count();
        int required = rule.map(ProtectionRule::requiredApprovals).orElse(0);
        boolean enough = fresh >= required;
        String approvals = fresh + " of " + required + " required approvals at the current head"
                + (stale > 0 ? " (" + stale + " stale: given before the latest push)" : "") + ".";
        boolean blocks = rule.map(ProtectionRule::blockOnRequestedChanges).orElse(false);
        boolean changesMet = changes == 0 || !blocks;
        String changesReason = changes == 0 ? "No outstanding request for changes."
                : changes + (changes == 1 ? " reviewer requests" : " reviewers request") + " changes"
                        + (blocks ? "; they must approve or be answered with a new review." : " (not blocking).");
        return List.of(new GateCondition("approvals", enough, approvals),
                new GateCondition("changes-requested", changesMet, changesReason));
    }

    private boolean mayWrite(Repo repo, long accountId) {
        return service.account(accountId).map(a -> repos.permission(repo, a).allows(RepoPermission.WRITE))
                .orElse(false);
    }

    /**
     * Merges PR {@code number} with {@code method} (one the repository allows).
     *
     * @param message the merge or squash commit message; null for the default
     * @throws ForbiddenException when the actor may not merge into the target (403)
     * @throws MergeBlockedException for any other unmet condition, with conflicts listed (409)
     */
    public PullRequest merge(Account actor, Repo repo, long number, MergeMethod method, String message) {
        MergeQueue.Turn turn = queue.start();
        // Bad input is refused before queueing; the branch's turn is awaited before the transaction
        // starts, so a queue of merges holds no database connections.
        String text = validate(actor, repo, method, message);
        String target = service.get(repo, number).targetBranch();
        ReentrantLock lock;
        try {
            lock = turn.await(repo.id(), target);
        } catch (InterruptedException e) {
            throw interrupted();
        }
        if (lock == null) {
            throw new MergeBlockedException(target + " kept moving: other merges into it were still running after "
                    + queue.deadline().toSeconds() + " s; nothing was changed, try again.");
        }
        Merged merged;
        try {
            merged = tx.execute(status -> mergeLocked(actor, repo, number, method, text, turn));
        } finally {
            lock.unlock();
        }
        // After the commit, with the connection given back: the index and the listeners see the merge.
        if (merged.pr().targetBranch().equals(repo.defaultBranch())) {
            indexer.refresh(repo);
        }
        publisher.publishEvent(new RefsMoved(repo.id(), actor.name(), List.of(new RefsMoved.Move(
                merged.result().targetRef(), merged.result().previousTip(), merged.result().newTip()))));
        return merged.pr();
    }

    private record Merged(PullRequest pr, MergeResult result) {
    }

    /** @return the message, trimmed; null for the default */
    private String validate(Account actor, Repo repo, MergeMethod method, String message) {
        repos.require(repo, actor, RepoPermission.READ);
        if (method == null) {
            throw new InvalidInputException("method", "Choose a merge method: merge commit, squash or fast-forward.");
        }
        List<MergeMethod> allowed = protections.options(repo).mergeMethods();
        if (!allowed.contains(method)) {
            throw new InvalidInputException("method", repo.fullName() + " allows " + String.join(", ",
                    allowed.stream().map(m -> m.name().toLowerCase()).toList()) + " merges only.");
        }
        return TextFields.optionalText("message", message, 10_000);
    }

    private Merged mergeLocked(Account actor, Repo repo, long number, MergeMethod method, String text,
            MergeQueue.Turn turn) {
        PullRequest pr = pulls.lockById(service.get(repo, number).id()).orElseThrow();
        Repository git = service.git(repo);
        while (true) {
            MergeGate gate = evaluate(actor, repo, pr, git);
            gate.unmet().stream().filter(c -> c.key().equals("permission")).findFirst().ifPresent(c -> {
                throw new ForbiddenException(c.reason());
            });
            if (!gate.passes()) {
                throw new MergeBlockedException(gate.unmet(), gate.conflicts());
            }
            if (method == MergeMethod.FAST_FORWARD_ONLY && gate.check().status() != MergeCheck.Status.FAST_FORWARD) {
                throw new MergeBlockedException(pr.targetBranch() + " has commits this pull request lacks, so it"
                        + " cannot fast-forward; merge with a merge commit or squash, or update the source first.");
            }
            try {
                MergeResult result = merges.merge(git, new MergeRequest(pr.targetBranch(),
                        ObjectId.fromString(pr.headCommit()), gate.check().targetTip(), method,
                        PullRequestService.ident(authorOf(pr, actor)), PullRequestService.ident(actor),
                        text != null ? text : defaultMessage(repo, pr, method)));
                return new Merged(recordMerge(actor, repo, pr, result), result);
            } catch (RefConflictException moved) {
                backOff(turn, pr);
            } catch (MergeConflictException e) {
                throw new MergeBlockedException(List.of(new GateCondition("mergeable", false, e.getMessage())),
                        e.paths());
            } catch (GitException e) {
                throw GitErrors.translate(e);
            }
        }
    }

    /** Pauses before the next attempt; refuses once the deadline has passed. */
    private void backOff(MergeQueue.Turn turn, PullRequest pr) {
        boolean again;
        try {
            again = turn.backOff();
        } catch (InterruptedException e) {
            throw interrupted();
        }
        if (!again) {
            log.info("merge of pull request #{} gave up: {} kept moving for {} attempts", pr.number(),
                    pr.targetBranch(), turn.attempts());
            throw new MergeBlockedException(pr.targetBranch() + " kept moving while merging (" + turn.attempts()
                    + " attempts in " + queue.deadline().toSeconds() + " s); nothing was changed, try again.");
        }
    }

    private static MergeBlockedException interrupted() {
        Thread.currentThread().interrupt();
        return new MergeBlockedException("The merge was interrupted; nothing was changed, try again.");
    }

    private Account authorOf(PullRequest pr, Account fallback) {
        return service.account(pr.authorId()).orElse(fallback);
    }

    private static String defaultMessage(Repo repo, PullRequest pr, MergeMethod method) {
        return (method == MergeMethod.SQUASH ? pr.title() + " (#" + pr.number() + ")"
                : "Merge pull request #" + pr.number() + " from " + pr.sourceLabel() + "\n\n" + pr.title());
    }

    private PullRequest recordMerge(Account actor, Repo repo, PullRequest pr, MergeResult result) {
        pr.merged(result.newTip().name(), result.previousTip().name(), result.method(), actor.id().value(), clock.instant());
        events.save(new PullEvent(pr.id(), EventKind.MERGED, actor.id().value(), result.method().name(),
                null, result.newTip().name(), clock.instant()));
        publisher.publishEvent(PullRequestService.changed(pr, actor.name(), "merged",
                result.method().name().toLowerCase(java.util.Locale.ROOT)));
        log.info("{} merged pull request #{} of {} into {} ({}, {})", actor.name(), pr.number(), repo.fullName(),
                pr.targetBranch(), result.method(), result.newTip().name());
        return pr;
    }

    /** The latest runs at the PR's head, for pages that show them next to the gate. */
    public List<CheckRun> runsAtHead(PullRequest pr) {
        return checks.summary(pr).runs();
    }
}
