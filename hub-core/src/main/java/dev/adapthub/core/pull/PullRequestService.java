package dev.adapthub.core.pull;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.account.AccountId;
import dev.adapthub.core.account.AccountService;
import dev.adapthub.core.common.ConflictException;
import dev.adapthub.core.common.ForbiddenException;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.common.NotFoundException;
import dev.adapthub.core.common.TextFields;
import dev.adapthub.core.event.PullRequestChanged;
import dev.adapthub.core.event.PullRequestCommented;
import dev.adapthub.core.pull.check.CheckRuns;
import dev.adapthub.core.pull.check.MergeBase;
import dev.adapthub.core.pull.protection.BranchProtections;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoPermission;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.GitErrors;
import dev.adapthub.core.repo.push.LfsPointers;
import dev.adapthub.git.GitException;
import dev.adapthub.git.refs.RefChange;
import dev.adapthub.git.refs.RefNames;
import dev.adapthub.git.refs.RefUpdater;
import dev.adapthub.git.store.RepositoryStore;
import dev.adapthub.git.write.Commits;
import dev.adapthub.git.write.FileChange;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens pull requests and keeps their conversation: comments, reviews, close and reopen, and the
 * head moving when someone pushes. Numbers are allocated per repository under a row lock on the
 * repository, so concurrent opens never share a number. Merging is {@link PullMerges}' job.
 * <p>
 * The API other features call: {@link #openFromBranch}, {@link #openWithChanges},
 * {@link #openForPush} (Hugging Face's create-then-push), {@link #comment}, {@link #review},
 * {@link #close}, {@link #reopen}, and {@link PullMerges#merge}.
 */
@Service
public class PullRequestService {

    private static final Logger log = LoggerFactory.getLogger(PullRequestService.class);

    public static final int MAX_COMMENT = 65_536;
    public static final int MAX_COMMIT_MESSAGE = 500;

    private final PullRequests pulls;
    private final PullLists lists;
    private final PullEvents events;
    private final RepoService repos;
    private final RepositoryStore store;
    private final RefUpdater refs;
    private final Commits commits;
    private final BranchProtections protections;
    private final CheckRuns checks;
    private final AccountService accounts;
    private final Clock clock;
    private final LfsPointers pointers;
    private final ApplicationEventPublisher publisher;

    PullRequestService(PullRequests pulls, PullLists lists, PullEvents events, RepoService repos, RepositoryStore store,
            RefUpdater refs, BranchProtections protections, CheckRuns checks, AccountService accounts, Clock clock,
            LfsPointers pointers, ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.pointers = pointers;
        this.accounts = accounts;
        this.pulls = pulls;
        this.lists = lists;
        this.events = events;
        this.repos = repos;
        this.store = store;
        this.refs = refs;
        this.commits = new Commits(refs);
        this.protections = protections;
        this.checks = checks;
        this.clock = clock;
    }

    /**
     * Opens a PR from a branch of the repository (writers). Refused when the branch is missing,
     * is the target itself, or has nothing the target lacks.
     */
    @Transactional
    public PullRequest openFromBranch(Account author, Repo repo, String sourceBranch, NewPullRequest request) {
        repos.require(repo, author, RepoPermission.WRITE);
        String target = targetOf(repo, request);
        String sourceRef = branchRef("source", sourceBranch);
        if (sourceRef.equals("refs/heads/" + target)) {
            throw new InvalidInputException("source", "The source and the target are both '" + target
                    + "'; choose another branch to merge from.");
        }
        Repository git = git(repo);
        ObjectId head = tip(git, sourceRef).orElseThrow(() -> new InvalidInputException("source",
                "The branch '" + sourceBranch + "' does not exist; push it first."));
        ObjectId targetTip = requireTarget(git, target);
        requireNotEmpty(git, head, targetTip, sourceBranch, target);
        for (PullRequest open : pulls.findByRepositoryIdAndSourceRefAndState(repo.id(), sourceRef, PullState.OPEN)) {
            if (open.targetBranch().equals(target)) {
                throw new ConflictException("source", "Pull request #" + open.number() + " already proposes '"
                        + sourceBranch + "' for '" + target + "'.");
            }
        }
        return create(repo, author, request, target, sourceRef, head, nextNumber(repo));
    }

    /**
     * Opens a PR whose head is a new commit with {@code changes} on top of the target's tip (or
     * {@code base}, when the browser form started from an older tip), on {@code refs/pr/{n}}.
     * Anyone who can read the repository may do this: the Hugging Face model of forkless PRs.
     */
    @Transactional
    public PullRequest openWithChanges(Account author, Repo repo, NewPullRequest request, ObjectId base,
            String commitMessage, List<FileChange> changes) {
        repos.require(repo, author, RepoPermission.READ);
        String message = TextFields.requiredLine("message", commitMessage, MAX_COMMIT_MESSAGE);
        if (changes == null || changes.isEmpty()) {
            throw new InvalidInputException("files", "A pull request needs at least one change.");
        }
        String target = targetOf(repo, request);
        pointers.requireUploaded(repo, null, changes);
        Repository git = git(repo);
        ObjectId targetTip = requireTarget(git, target);
        ObjectId parent = base == null ? targetTip : requireCommit(git, base);
        long number = nextNumber(repo);
        String prRef = prRef(number);
        PersonIdent ident = ident(author);
        try {
            ObjectId stale = tip(git, prRef).orElse(ObjectId.zeroId());
            refs.update(git, ident, "pull request #" + number + " opened", RefChange.update(prRef, stale, parent));
            ObjectId head;
            try {
                head = commits.commit(git, prRef, parent, ident, message, changes).commitId();
            } catch (GitException e) {
                refs.update(git, ident, "pull request #" + number + " not opened", RefChange.delete(prRef, parent));
                throw e;
            }
            return create(repo, author, request, target, prRef, head, number);
        } catch (GitException e) {
            throw GitErrors.translate(e);
        }
    }

    /**
     * Opens a draft PR whose {@code refs/pr/{n}} starts at the target's tip, for clients that
     * create the PR first and then push to it (the Hugging Face Hub's {@code create_pr=True}).
     * It cannot merge until a push gives it commits.
     */
    @Transactional
    public PullRequest openForPush(Account author, Repo repo, NewPullRequest request) {
        repos.require(repo, author, RepoPermission.READ);
        String target = targetOf(repo, request);
        Repository git = git(repo);
        ObjectId targetTip = requireTarget(git, target);
        long number = nextNumber(repo);
        String prRef = prRef(number);
        try {
            ObjectId stale = tip(git, prRef).orElse(ObjectId.zeroId());
            refs.update(git, ident(author), "pull request #" + number + " opened",
                    RefChange.update(prRef, stale, targetTip));
        } catch (GitException e) {
            throw GitErrors.translate(e);
        }
        NewPullRequest draft = new NewPullRequest(request.title(), request.description(), target, true,
                request.labels());
        return create(repo, author, draft, target, prRef, targetTip, number);
    }

    private PullRequest create(Repo repo, Account author, NewPullRequest request, String target, String sourceRef,
            ObjectId head, long number) {
        PullRequest pr = pulls.saveAndFlush(new PullRequest(repo.id(), number, request.title(), request.description(),
                author.id().value(), sourceRef, target, head.name(), request.draft(),
                String.join(",", request.labels()), clock.instant()));
        events.save(new PullEvent(pr.id(), EventKind.OPENED, author.id().value(), null, null, head.name(),
                clock.instant()));
        checks.createFor(repo, pr);
        publisher.publishEvent(changed(pr, author.name(), "opened", null));
        log.info("{} opened pull request #{} on {} ({} → {})", author.name(), number, repo.fullName(),
                pr.sourceLabel(), target);
        return pr;
    }

    /**
     * Commits {@code changes} onto an open PR's {@code refs/pr/{n}} on behalf of {@code actor}
     * (its author or a writer, as for a push), for clients that commit over HTTP instead of
     * pushing (the Hugging Face commit API with {@code revision=refs/pr/{n}}). The head moves,
     * approvals go stale and checks start as after a push.
     *
     * @param expectedParent the head the change was based on, or null for the current head
     * @throws ConflictException when the head moved meanwhile
     */
    @Transactional
    public PullRequest commitToPullRequest(Account actor, Repo repo, long number, ObjectId expectedParent,
            String commitMessage, List<FileChange> changes) {
        repos.require(repo, actor, RepoPermission.READ);
        PullRequest pr = get(repo, number);
        refusePrPush(repo, number, actor, repos.permission(repo, actor)).ifPresent(reason -> {
            throw new ForbiddenException(Character.toUpperCase(reason.charAt(0)) + reason.substring(1) + ".");
        });
        String message = TextFields.requiredLine("message", commitMessage, MAX_COMMIT_MESSAGE);
        if (changes == null || changes.isEmpty()) {
            throw new InvalidInputException("files", "A commit needs at least one change.");
        }
        pointers.requireUploaded(repo, null, changes);
        ObjectId head;
        try {
            head = commits.commit(git(repo), pr.sourceRef(), expectedParent, ident(actor), message, changes).commitId();
        } catch (GitException e) {
            throw GitErrors.translate(e);
        }
        sourceMoved(repo, pr.sourceRef(), head, actor);
        return get(repo, number);
    }

    /** The PR {@code number} of a repository the viewer can read. */
    @Transactional(readOnly = true)
    public PullRequest get(Repo repo, long number) {
        return pulls.findByRepositoryIdAndNumber(repo.id(), number).orElseThrow(() -> new NotFoundException(
                "Pull request #" + number + " of " + repo.fullName() + " not found."));
    }

    @Transactional(readOnly = true)
    public Optional<PullRequest> find(Repo repo, long number) {
        return pulls.findByRepositoryIdAndNumber(repo.id(), number);
    }

    /**
     * PRs of a repository, newest first, optionally by state, author and label. Outside a
     * transaction the rows are the kept, shared ones ({@link PullLists}): read them, never change them.
     */
    public List<PullRequest> list(Repo repo, PullState state, Long authorId, String label) {
        return lists.listing(repo.id(), state).stream()
                .filter(pr -> authorId == null || pr.authorId() == authorId)
                .filter(pr -> label == null || label.isBlank() || pr.labels().contains(label.strip()))
                .toList();
    }

    public PullCounts counts(Repo repo) {
        return lists.counts(repo.id());
    }

    @Transactional(readOnly = true)
    public long count(Repo repo, PullState state) {
        return pulls.countByRepositoryIdAndState(repo.id(), state);
    }

    /** The conversation, oldest first. */
    @Transactional(readOnly = true)
    public List<PullEvent> timeline(PullRequest pr) {
        return events.findByPullRequestIdOrderByIdAsc(pr.id());
    }

    @Transactional
    public PullEvent comment(Account actor, Repo repo, long number, String body) {
        repos.require(repo, actor, RepoPermission.READ);
        PullRequest pr = get(repo, number);
        String text = TextFields.optionalText("body", body, MAX_COMMENT);
        if (text == null) {
            throw new InvalidInputException("body", "Write a comment first.");
        }
        PullEvent comment = events.save(new PullEvent(pr.id(), EventKind.COMMENT, actor.id().value(), text, null,
                pr.headCommit(), clock.instant()));
        publisher.publishEvent(new PullRequestCommented(repo.id(), pr.number(), pr.title(), actor.name(), text));
        return comment;
    }

    /**
     * Records a review of the PR's current head. Authors cannot approve or request changes on
     * their own PR; a request for changes needs a reason.
     */
    @Transactional
    public PullEvent review(Account actor, Repo repo, long number, ReviewVerdict verdict, String body) {
        repos.require(repo, actor, RepoPermission.READ);
        PullRequest pr = get(repo, number);
        if (verdict == null) {
            throw new InvalidInputException("verdict", "Choose approve, request changes or comment.");
        }
        if (!pr.isOpen()) {
            throw new ConflictException("verdict", "Pull request #" + number + " is " + pr.state().label()
                    + "; reviews are for open pull requests.");
        }
        String text = TextFields.optionalText("body", body, MAX_COMMENT);
        if (verdict != ReviewVerdict.APPROVE && text == null) {
            throw new InvalidInputException("body", "Say what should change, or what you comment on.");
        }
        if (verdict != ReviewVerdict.COMMENT && pr.authorId() == actor.id().value()) {
            throw new InvalidInputException("verdict", "You opened this pull request; ask someone else to review it.");
        }
        publisher.publishEvent(changed(pr, actor.name(), "reviewed", verdict.name().toLowerCase(Locale.ROOT)));
        return events.save(new PullEvent(pr.id(), EventKind.REVIEW, actor.id().value(), text, verdict,
                pr.headCommit(), clock.instant()));
    }

    /** Closes an open PR: its author or a writer. */
    @Transactional
    public PullRequest close(Account actor, Repo repo, long number) {
        PullRequest pr = lockForChange(actor, repo, number);
        if (!pr.isOpen()) {
            throw new ConflictException("state", "Pull request #" + number + " is already " + pr.state().label() + ".");
        }
        pr.changeState(PullState.CLOSED, clock.instant());
        events.save(new PullEvent(pr.id(), EventKind.CLOSED, actor.id().value(), null, null, pr.headCommit(),
                clock.instant()));
        publisher.publishEvent(changed(pr, actor.name(), "closed", null));
        return pr;
    }

    /** Reopens a closed PR (a merged one stays merged). */
    @Transactional
    public PullRequest reopen(Account actor, Repo repo, long number) {
        PullRequest pr = lockForChange(actor, repo, number);
        if (pr.state() != PullState.CLOSED) {
            throw new ConflictException("state", "Pull request #" + number + " is " + pr.state().label()
                    + "; only closed pull requests reopen.");
        }
        pr.changeState(PullState.OPEN, clock.instant());
        events.save(new PullEvent(pr.id(), EventKind.REOPENED, actor.id().value(), null, null, pr.headCommit(),
                clock.instant()));
        publisher.publishEvent(changed(pr, actor.name(), "reopened", null));
        refreshHead(repo, pr, actor);
        return pr;
    }

    /** Takes a draft out of draft: its author or a writer. */
    @Transactional
    public PullRequest markReady(Account actor, Repo repo, long number) {
        PullRequest pr = lockForChange(actor, repo, number);
        if (pr.isDraft()) {
            pr.markReady(clock.instant());
            events.save(new PullEvent(pr.id(), EventKind.READY_FOR_REVIEW, actor.id().value(), null, null,
                    pr.headCommit(), clock.instant()));
        }
        return pr;
    }

    private PullRequest lockForChange(Account actor, Repo repo, long number) {
        repos.require(repo, actor, RepoPermission.READ);
        PullRequest pr = pulls.lockById(get(repo, number).id()).orElseThrow();
        if (pr.authorId() != actor.id().value()) {
            repos.require(repo, actor, RepoPermission.WRITE);
        }
        return pr;
    }

    /**
     * Called after {@code refName} moved (a push or a hub commit): every open PR with that source
     * takes the new head, its earlier approvals go stale (and are dismissed when the branch's
     * rule says so) and its checks start for the new head.
     */
    @Transactional
    public void sourceMoved(Repo repo, String refName, ObjectId newId, Account actor) {
        if (newId == null || newId.equals(ObjectId.zeroId())) {
            return;
        }
        for (PullRequest open : pulls.findByRepositoryIdAndSourceRefAndState(repo.id(), refName, PullState.OPEN)) {
            PullRequest pr = pulls.lockById(open.id()).orElseThrow();
            if (!pr.isOpen() || pr.headCommit().equals(newId.name())) {
                continue;
            }
            pr.moveHead(newId.name(), clock.instant());
            long actorId = actor == null ? pr.authorId() : actor.id().value();
            events.save(new PullEvent(pr.id(), EventKind.PUSHED, actorId, null, null, newId.name(), clock.instant()));
            publisher.publishEvent(changed(pr, actor == null ? null : actor.name(), "synchronized", null));
            boolean dismiss = protections.ruleFor(repo, pr.targetBranch()).map(r -> r.dismissStaleApprovals())
                    .orElse(false);
            if (dismiss) {
                dismissApprovals(pr, actorId);
            }
            checks.createFor(repo, pr);
        }
    }

    private void dismissApprovals(PullRequest pr, long actorId) {
        int dismissed = 0;
        for (PullEvent review : events.findByPullRequestIdAndKindOrderByIdAsc(pr.id(), EventKind.REVIEW)) {
            if (review.reviewVerdict() == ReviewVerdict.APPROVE && !review.isDismissed()) {
                review.dismiss();
                dismissed++;
            }
        }
        if (dismissed > 0) {
            events.save(new PullEvent(pr.id(), EventKind.REVIEWS_DISMISSED, actorId,
                    dismissed + (dismissed == 1 ? " approval" : " approvals") + " dismissed: new commits arrived",
                    null, pr.headCommit(), clock.instant()));
        }
    }

    /** A reopened PR takes whatever its source points at now. */
    private void refreshHead(Repo repo, PullRequest pr, Account actor) {
        tip(git(repo), pr.sourceRef()).ifPresent(now -> {
            if (!now.name().equals(pr.headCommit())) {
                sourceMoved(repo, pr.sourceRef(), now, actor);
            }
        });
    }

    /**
     * Whether {@code account} may move {@code refs/pr/{number}} with a push: the PR is open, its
     * head ref is that ref, and the account opened it or may write to the repository.
     */
    @Transactional(readOnly = true)
    public Optional<String> refusePrPush(Repo repo, long number, Account account, RepoPermission permission) {
        Optional<PullRequest> found = pulls.findByRepositoryIdAndNumber(repo.id(), number);
        if (found.isEmpty() || !found.get().sourceRef().equals(RefNames.PR_PREFIX + number)) {
            return Optional.of("refs/pr/" + number + " is not the head of a pull request; open one on the hub"
                    + " and push to the refs/pr/{n} it names");
        }
        PullRequest pr = found.get();
        if (!pr.isOpen()) {
            return Optional.of("pull request #" + number + " is " + pr.state().label() + "; reopen it or open a new one");
        }
        if (pr.authorId() != account.id().value() && !permission.allows(RepoPermission.WRITE)) {
            return Optional.of("refs/pr/" + number + " belongs to pull request #" + number
                    + ": only its author and the repository's writers may push to it");
        }
        return Optional.empty();
    }

    private long nextNumber(Repo repo) {
        pulls.lockRepository(repo.id());
        return pulls.maxNumber(repo.id()) + 1;
    }

    private String targetOf(Repo repo, NewPullRequest request) {
        String target = request.targetBranch() == null ? repo.defaultBranch() : request.targetBranch();
        if (target.startsWith("refs/heads/")) {
            target = target.substring("refs/heads/".length());
        }
        branchRef("target", target);
        return target;
    }

    private static String branchRef(String field, String branch) {
        if (branch == null || branch.isBlank()) {
            throw new InvalidInputException(field, "Name a branch.");
        }
        try {
            return RefNames.branchRef(branch.strip());
        } catch (GitException e) {
            throw new InvalidInputException(field, capitalize(e.getMessage()) + ".");
        }
    }

    private static String prRef(long number) {
        try {
            return RefNames.prRef(number);
        } catch (GitException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectId requireTarget(Repository git, String target) {
        return tip(git, "refs/heads/" + target).orElseThrow(() -> new InvalidInputException("target",
                "The target branch '" + target + "' does not exist."));
    }

    private static ObjectId requireCommit(Repository git, ObjectId id) {
        try (RevWalk walk = new RevWalk(git)) {
            return walk.parseCommit(id).copy();
        } catch (IOException e) {
            throw new InvalidInputException("base", "The commit " + id.name() + " is not in this repository.");
        }
    }

    private static void requireNotEmpty(Repository git, ObjectId head, ObjectId targetTip, String source,
            String target) {
        try (RevWalk walk = new RevWalk(git)) {
            if (walk.isMergedInto(walk.parseCommit(head), walk.parseCommit(targetTip))) {
                throw new InvalidInputException("source", "'" + target + "' already contains every commit of '"
                        + source + "': there is nothing to propose.");
            }
            if (MergeBase.of(git, head, targetTip).isEmpty()) {
                throw new InvalidInputException("source", "'" + source + "' shares no history with '" + target
                        + "'; branch off '" + target + "' and commit there.");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not compare " + source + " with " + target, e);
        }
    }

    static Optional<ObjectId> tip(Repository git, String ref) {
        try {
            Ref r = git.exactRef(ref);
            return r == null || r.getObjectId() == null ? Optional.empty() : Optional.of(r.getObjectId());
        } catch (IOException e) {
            throw new IllegalStateException("Could not read " + ref, e);
        }
    }

    Repository git(Repo repo) {
        try {
            return store.open(repos.storageOf(repo));
        } catch (GitException e) {
            throw GitErrors.translate(e);
        }
    }

    /** The account behind an author or actor id. */
    public Optional<Account> account(long id) {
        return accounts.findById(new AccountId(id));
    }

    /** The name of an author or actor (for pages and answers); empty for an unknown id. */
    public Optional<String> name(long id) {
        return accounts.name(id);
    }

    static PersonIdent ident(Account account) {
        return new PersonIdent(account.displayName(), account.email());
    }

    private static String capitalize(String message) {
        return message.isEmpty() ? message : message.substring(0, 1).toUpperCase(Locale.ROOT) + message.substring(1);
    }

    /** The event of a change to {@code pr} (as it is now) by {@code actor}, for audit and webhooks. */
    static PullRequestChanged changed(PullRequest pr, String actor, String action, String detail) {
        return new PullRequestChanged(pr.repositoryId(), actor, pr.number(), action, pr.title(), pr.sourceRef(),
                pr.targetBranch(), pr.headCommit(), detail);
    }
}
