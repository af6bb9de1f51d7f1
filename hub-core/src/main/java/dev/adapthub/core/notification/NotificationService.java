package dev.adapthub.core.notification;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.account.AccountId;
import dev.adapthub.core.cluster.ClusterGenerations;
import dev.adapthub.core.cluster.RowsKept;
import dev.adapthub.core.common.AfterCommit;
import dev.adapthub.core.common.NotFoundException;
import dev.adapthub.core.namespace.Names;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoPermission;
import dev.adapthub.core.repo.RepoService;
import java.time.Clock;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes notifications and lets their recipient read them. Nobody is notified about a repository
 * they may not read (the repository access rules decide, at the moment of notifying); a page shows
 * a notification whose repository became unreadable since without its subject and link.
 */
@Service
public class NotificationService {

    public static final int PAGE_SIZE = 25;

    /** The {@link ClusterGenerations} topic of {@code notifications} rows. */
    static final String GENERATION = "notifications";

    private final Notifications notifications;
    private final RepoService repos;
    private final NotificationMail mail;
    private final Clock clock;
    private final ClusterGenerations generations;
    /** Unread counts by lower-case name; a repository's deletion deletes its notifications in SQL. */
    private final RowsKept<String, Long> unread;

    NotificationService(Notifications notifications, RepoService repos, NotificationMail mail, Clock clock,
            ClusterGenerations generations) {
        this.notifications = notifications;
        this.generations = generations;
        this.unread = RowsKept.entries(generations, 10_000, GENERATION,
                RepoService.ROWS_GENERATION);
        this.repos = repos;
        this.mail = mail;
        this.clock = clock;
    }

    /**
     * Notifies {@code recipient} in a transaction of its own (so a failure here never undoes the
     * action that caused it), and mails it after that commits when they asked for e-mail.
     *
     * @return the notification, or empty when the recipient may not read the repository, it is gone,
     *         or one with the same dedupe key exists
     * @throws org.springframework.dao.DataIntegrityViolationException when another process made the same
     *         deduplicated notification at the same moment
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<Notification> notify(Account recipient, NewNotification n) {
        Optional<Repo> repo = repos.findById(n.repositoryId());
        if (repo.isEmpty() || !repos.permission(repo.get(), recipient).allows(RepoPermission.READ)) {
            return Optional.empty();
        }
        long account = recipient.id().value();
        if (n.dedupeKey() != null && notifications.existsByAccountIdAndDedupeKey(account, n.dedupeKey())) {
            return Optional.empty();
        }
        Notification saved = notifications.saveAndFlush(new Notification(account, n, clock.instant()));
        AfterCommit.run(() -> mail.send(recipient, repo.get(), saved));
        return Optional.of(saved);
    }

    /** The viewer's notifications, newest first. */
    @Transactional(readOnly = true)
    public Page<Notification> page(AccountId viewer, int page) {
        return notifications.findByAccountIdOrderByIdDesc(viewer.value(), PageRequest.of(Math.max(0, page),
                PAGE_SIZE));
    }

    @Transactional(readOnly = true)
    public long unread(AccountId viewer) {
        return notifications.countByAccountIdAndReadAtIsNull(viewer.value());
    }

    /**
     * Unread notifications of the signed-in name (the page header has the name, not the account), on
     * every signed-in page: kept until a notification or a repository is written.
     */
    public long unreadOfName(String name) {
        if (name == null || !Names.isWellFormed(name)) {
            return 0;
        }
        String lower = Names.lower(name);
        return unread.get(lower, () -> notifications.countUnreadByNameLower(lower));
    }

    /** Marks one of the viewer's notifications read; someone else's is a 404, like a missing one. */
    @Transactional
    public Notification markRead(AccountId viewer, long id) {
        Notification n = notifications.findById(id).filter(found -> found.accountId() == viewer.value())
                .orElseThrow(() -> new NotFoundException("You have no notification " + id + "."));
        n.markRead(clock.instant());
        return n;
    }

    /** @return how many were unread */
    @Transactional
    public int markAllRead(AccountId viewer) {
        // A bulk update: JPA calls no listener for it.
        generations.changed(GENERATION);
        return notifications.markAllRead(viewer.value(), clock.instant());
    }

    /** Whether the viewer may still read the repository a notification is about. */
    @Transactional(readOnly = true)
    public boolean stillReadable(Notification n, Account viewer) {
        return n.repositoryId() == null || repos.findById(n.repositoryId())
                .map(repo -> repos.permission(repo, viewer).allows(RepoPermission.READ)).orElse(false);
    }
}
