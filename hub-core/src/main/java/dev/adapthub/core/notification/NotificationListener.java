package dev.adapthub.core.notification;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.account.AccountService;
import dev.adapthub.core.event.AdaptationChanged;
import dev.adapthub.core.event.CheckCompleted;
import dev.adapthub.core.event.PullRequestChanged;
import dev.adapthub.core.event.PullRequestCommented;
import dev.adapthub.core.event.ReviewRequested;
import dev.adapthub.core.pull.PullRequest;
import dev.adapthub.core.pull.PullRequestService;
import dev.adapthub.core.pull.check.CheckRuns;
import dev.adapthub.core.pull.check.CheckSummary;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoService;
import jakarta.persistence.EntityManager;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns domain events into notifications, after the action's transaction committed (an action
 * that rolled back notifies nobody), on the {@link NotificationQueue}'s thread and in a transaction
 * of their own: a failure here is logged and never reaches the person who acted, and the acting
 * thread never waits for a second pool connection. Nobody is notified of their own action.
 */
@Component
class NotificationListener {

    private static final Logger log = LoggerFactory.getLogger(NotificationListener.class);

    private final NotificationService notifications;
    private final AccountService accounts;
    private final RepoService repos;
    private final PullRequestService pulls;
    private final CheckRuns checks;
    private final StaleAuthors staleAuthors;
    private final EntityManager entityManager;
    private final NotificationQueue queue;

    NotificationListener(NotificationService notifications, AccountService accounts, RepoService repos,
            PullRequestService pulls, CheckRuns checks, StaleAuthors staleAuthors, EntityManager entityManager,
            NotificationQueue queue) {
        this.notifications = notifications;
        this.accounts = accounts;
        this.repos = repos;
        this.pulls = pulls;
        this.checks = checks;
        this.staleAuthors = staleAuthors;
        this.entityManager = entityManager;
        this.queue = queue;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(PullRequestChanged event) {
        NotificationKind kind = switch (event.action()) {
            case "reviewed" -> switch (event.detail() == null ? "" : event.detail()) {
                case "approve" -> NotificationKind.REVIEW_APPROVED;
                case "request_changes" -> NotificationKind.REVIEW_CHANGES_REQUESTED;
                default -> NotificationKind.REVIEW_COMMENTED;
            };
            case "merged" -> NotificationKind.MERGED;
            case "closed" -> NotificationKind.CLOSED;
            default -> null;
        };
        if (kind == null) {
            return;
        }
        queue.submit(event, () -> withPull(event.repoId(), event.number(), (repo, pr) ->
                pulls.account(pr.authorId()).ifPresent(author -> notify(author, event.actor(), repo, pr, kind, null,
                        null))));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ReviewRequested event) {
        queue.submit(event, () -> withPull(event.repoId(), event.number(), (repo, pr) ->
                accounts.findByName(event.reviewer()).ifPresent(reviewer -> notify(reviewer, event.actor(), repo, pr,
                        NotificationKind.REVIEW_REQUESTED, null, null))));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(PullRequestCommented event) {
        queue.submit(event, () -> withPull(event.repoId(), event.number(), (repo, pr) -> {
            for (String name : Mentions.in(event.body())) {
                accounts.findByName(name).ifPresent(mentioned -> notify(mentioned, event.actor(), repo, pr,
                        NotificationKind.MENTIONED, null, null));
            }
        }));
    }

    /** Once every check of the PR's current head has finished: the last check to end announces it. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(CheckCompleted event) {
        queue.submit(event, () -> {
            PullRequest pr = entityManager.find(PullRequest.class, event.pullRequestId());
            if (pr == null || !pr.headCommit().equals(event.headCommit())) {
                return; // a newer head has its own checks
            }
            CheckSummary summary = checks.summaryAt(pr, event.headCommit());
            if (summary.none() || summary.running()) {
                return;
            }
            long lastRun = summary.runs().stream().mapToLong(r -> r.id()).max().orElse(0);
            repos.findById(pr.repositoryId()).ifPresent(repo -> pulls.account(pr.authorId()).ifPresent(author ->
                    notify(author, null, repo, pr, NotificationKind.CHECKS_FINISHED, summary.state(),
                            "checks:" + pr.id() + ":" + event.headCommit() + ":" + lastRun)));
        });
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(AdaptationChanged event) {
        if (!"stale".equals(event.state())) {
            return;
        }
        queue.submit(event, () -> repos.findById(event.repoId()).ifPresent(repo ->
                staleAuthors.authorOf(repo, event.commit(), event.path()).ifPresent(author -> {
                    String file = event.path().substring(event.path().lastIndexOf('/') + 1);
                    String link = "/" + repo.urlPath() + "/adaptations/" + event.chip() + "/" + file + "/report";
                    save(author, new NewNotification(NotificationKind.VALIDATION_STALE, null, repo.id(),
                            event.path() + " (" + event.chip() + ")", event.reason(), link,
                            "stale:" + repo.id() + ":" + event.path() + ":" + event.commit() + ":" + event.chip()));
                })));
    }

    private interface PullAction {
        void run(Repo repo, PullRequest pr);
    }

    private void withPull(long repoId, long number, PullAction action) {
        Optional<Repo> repo = repos.findById(repoId);
        repo.flatMap(r -> pulls.find(r, number)).ifPresent(pr -> action.run(repo.get(), pr));
    }

    private void notify(Account recipient, String actor, Repo repo, PullRequest pr, NotificationKind kind,
            String detail, String dedupeKey) {
        if (actor != null && actor.toLowerCase(Locale.ROOT).equals(recipient.name().toLowerCase(Locale.ROOT))) {
            return;
        }
        save(recipient, new NewNotification(kind, actor, repo.id(), "#" + pr.number() + " " + pr.title(), detail,
                "/" + repo.urlPath() + "/pulls/" + pr.number(), dedupeKey));
    }

    private void save(Account recipient, NewNotification n) {
        try {
            notifications.notify(recipient, n);
        } catch (DataIntegrityViolationException raced) {
            log.debug("{} of {} was made by another process at the same moment", n.dedupeKey(), recipient.name());
        }
    }
}
