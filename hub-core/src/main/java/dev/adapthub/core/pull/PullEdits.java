package dev.adapthub.core.pull;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.account.AccountService;
import dev.adapthub.core.common.ConflictException;
import dev.adapthub.core.common.ForbiddenException;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.common.TextFields;
import dev.adapthub.core.event.ReviewRequested;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoPermission;
import dev.adapthub.core.repo.RepoService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.ObjectId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to a pull request after it was opened: its title, description and labels, the reviewers
 * asked to review it, and comments on one line of its changed files. Every change is an event of
 * the PR's timeline; edits are also published as {@code PullRequestChanged} ({@code edited}) and
 * requests as {@link ReviewRequested}.
 */
@Service
public class PullEdits {

    /** A reviewer asked to review, and their latest verdict on the PR (null: not reviewed yet). */
    public record RequestedReviewer(String name, ReviewVerdict verdict) {

        public boolean reviewed() {
            return verdict != null;
        }
    }

    /** A line comment and whether its file changed since the head it was made on. */
    public record LineComment(PullEvent event, boolean outdated) {
    }

    private final PullRequests pulls;
    private final PullEvents events;
    private final PullRequestService service;
    private final PullDiffs diffs;
    private final RepoService repos;
    private final AccountService accounts;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;

    PullEdits(PullRequests pulls, PullEvents events, PullRequestService service, PullDiffs diffs, RepoService repos,
            AccountService accounts, Clock clock, ApplicationEventPublisher publisher) {
        this.pulls = pulls;
        this.events = events;
        this.service = service;
        this.diffs = diffs;
        this.repos = repos;
        this.accounts = accounts;
        this.clock = clock;
        this.publisher = publisher;
    }

    /** Whether {@code actor} may edit the PR and request reviewers: its author or a maintainer. */
    @Transactional(readOnly = true)
    public boolean mayEdit(Account actor, Repo repo, PullRequest pr) {
        return actor != null && (pr.authorId() == actor.id().value()
                || repos.permission(repo, actor).allows(RepoPermission.MAINTAIN));
    }

    /**
     * Replaces the title, description and labels (the same limits as at opening). The timeline says
     * what changed; nothing is recorded when nothing changed.
     *
     * @throws ForbiddenException when {@code actor} is neither the author nor a maintainer
     */
    @Transactional
    public PullRequest edit(Account actor, Repo repo, long number, String title, String description,
            List<String> labels) {
        PullRequest pr = lockForEdit(actor, repo, number, "edit");
        NewPullRequest edited = new NewPullRequest(title, description, null, false, labels);
        List<String> changed = new ArrayList<>();
        if (!edited.title().equals(pr.title())) {
            changed.add("title");
        }
        if (!edited.description().equals(pr.description())) {
            changed.add("description");
        }
        if (!edited.labels().equals(pr.labels())) {
            changed.add("labels");
        }
        if (changed.isEmpty()) {
            return pr;
        }
        String was = pr.title();
        pr.edit(edited.title(), edited.description(), edited.labels(), clock.instant());
        String note = changed.contains("title") ? String.join(", ", changed) + " (was “" + was + "”)"
                : String.join(", ", changed);
        events.save(new PullEvent(pr.id(), EventKind.EDITED, actor.id().value(), note, null, pr.headCommit(),
                clock.instant()));
        publisher.publishEvent(PullRequestService.changed(pr, actor.name(), "edited", String.join(",", changed)));
        return pr;
    }

    /**
     * Asks {@code reviewerName} to review: the author or a maintainer asks someone who can read the
     * repository (and is not the author). Asking again is a conflict.
     */
    @Transactional
    public PullEvent requestReview(Account actor, Repo repo, long number, String reviewerName) {
        PullRequest pr = lockForEdit(actor, repo, number, "request reviewers for");
        String name = TextFields.requiredLine("reviewer", reviewerName, 100);
        Account reviewer = accounts.findByName(name.startsWith("@") ? name.substring(1) : name)
                .filter(a -> repos.permission(repo, a).allows(RepoPermission.READ))
                .orElseThrow(() -> new InvalidInputException("reviewer", "There is no user '" + name
                        + "' who can read " + repo.fullName() + "; name someone with access to it."));
        if (reviewer.id().value() == pr.authorId()) {
            throw new InvalidInputException("reviewer", reviewer.name() + " opened this pull request;"
                    + " ask someone else to review it.");
        }
        if (!pr.isOpen()) {
            throw new ConflictException("reviewer", "Pull request #" + number + " is " + pr.state().label()
                    + "; reviews are for open pull requests.");
        }
        boolean asked = events.findByPullRequestIdAndKindOrderByIdAsc(pr.id(), EventKind.REVIEW_REQUESTED).stream()
                .anyMatch(e -> Objects.equals(e.subjectId(), reviewer.id().value()));
        if (asked) {
            throw new ConflictException("reviewer", reviewer.name() + " was already asked to review this.");
        }
        PullEvent event = events.save(PullEvent.reviewRequest(pr.id(), actor.id().value(), reviewer.id().value(),
                pr.headCommit(), clock.instant()));
        publisher.publishEvent(new ReviewRequested(repo.id(), number, reviewer.name(), actor.name()));
        return event;
    }

    /** The reviewers asked, in the order asked, with their latest verdict. */
    @Transactional(readOnly = true)
    public List<RequestedReviewer> reviewers(PullRequest pr) {
        Map<Long, ReviewVerdict> latest = new LinkedHashMap<>();
        for (PullEvent review : events.findByPullRequestIdAndKindOrderByIdAsc(pr.id(), EventKind.REVIEW)) {
            latest.put(review.actorId(), review.reviewVerdict());
        }
        return events.findByPullRequestIdAndKindOrderByIdAsc(pr.id(), EventKind.REVIEW_REQUESTED).stream()
                .map(PullEvent::subjectId).distinct()
                .map(id -> new RequestedReviewer(service.account(id).map(Account::name).orElse("ghost"),
                        latest.get(id)))
                .toList();
    }

    /**
     * Comments on {@code line} of {@code path} as it is at {@code commit} (a head this PR had; null:
     * the current head). Anyone who can read the repository may comment.
     */
    @Transactional
    public PullEvent commentOnLine(Account actor, Repo repo, long number, String commit, String path, Integer line,
            String body) {
        repos.require(repo, actor, RepoPermission.READ);
        PullRequest pr = service.get(repo, number);
        String text = TextFields.optionalText("body", body, PullRequestService.MAX_COMMENT);
        if (text == null) {
            throw new InvalidInputException("body", "Write a comment first.");
        }
        String at = commit == null || commit.isBlank() ? pr.headCommit() : commit.strip();
        if (!heads(pr).contains(at)) {
            throw new InvalidInputException("commit", "The commit " + at + " was never the head of pull request #"
                    + number + "; reload the page and comment again.");
        }
        String file = path == null ? "" : path.strip();
        String content = diffs.text(repo, ObjectId.fromString(at), file).orElseThrow(() -> new InvalidInputException(
                "path", "'" + file + "' is not a text file of this pull request at " + at.substring(0, 7) + "."));
        long lines = content.isEmpty() ? 0 : content.split("\n", -1).length - (content.endsWith("\n") ? 1 : 0);
        if (line == null || line < 1 || line > lines) {
            throw new InvalidInputException("line", "'" + file + "' has lines 1 to " + lines + " at "
                    + at.substring(0, 7) + "; " + line + " is not one of them.");
        }
        return events.save(PullEvent.onLine(pr.id(), actor.id().value(), text, at, file, line, clock.instant()));
    }

    /** The line comments, oldest first; outdated when their file is not the same at the current head. */
    @Transactional(readOnly = true)
    public List<LineComment> lineComments(Repo repo, PullRequest pr) {
        ObjectId head = ObjectId.fromString(pr.headCommit());
        Map<String, Optional<ObjectId>> now = new LinkedHashMap<>();
        return events.findByPullRequestIdAndKindOrderByIdAsc(pr.id(), EventKind.LINE_COMMENT).stream().map(e -> {
            if (e.commitId().equals(pr.headCommit())) {
                return new LineComment(e, false);
            }
            Optional<ObjectId> current = now.computeIfAbsent(e.path(), p -> diffs.blobId(repo, head, p));
            Optional<ObjectId> then = diffs.blobId(repo, ObjectId.fromString(e.commitId()), e.path());
            return new LineComment(e, current.isEmpty() || !current.equals(then));
        }).toList();
    }

    private Set<String> heads(PullRequest pr) {
        Set<String> heads = service.timeline(pr).stream()
                .filter(e -> e.kind() == EventKind.OPENED || e.kind() == EventKind.PUSHED)
                .map(PullEvent::commitId).filter(Objects::nonNull).collect(Collectors.toSet());
        heads.add(pr.headCommit());
        return heads;
    }

    private PullRequest lockForEdit(Account actor, Repo repo, long number, String what) {
        repos.require(repo, actor, RepoPermission.READ);
        PullRequest pr = pulls.lockById(service.get(repo, number).id()).orElseThrow();
        if (!mayEdit(actor, repo, pr)) {
            throw new ForbiddenException("Only the author of pull request #" + number + " or a maintainer of "
                    + repo.fullName() + " may " + what + " it.");
        }
        return pr;
    }
}
