package dev.adapthub.core.notification;

import dev.adapthub.core.cluster.KeptTopic;
import dev.adapthub.core.cluster.RowWrites;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Something that happened that concerns one account: a review of their pull request, a mention,
 * finished checks. Pages make its sentence from {@link #kind()}, {@link #actor()}, {@link #subject()}
 * and {@link #detail()} in the reader's language, and link it to {@link #link()}.
 */
@Entity
@EntityListeners(RowWrites.class)
@KeptTopic(NotificationService.GENERATION)
@Table(name = "notifications")
public class Notification {

    static final int MAX_SUBJECT = 300;
    static final int MAX_DETAIL = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private NotificationKind kind;

    @Column(updatable = false)
    private String actor;

    @Column(name = "repository_id", updatable = false)
    private Long repositoryId;

    @Column(nullable = false, updatable = false)
    private String subject;

    @Column(updatable = false)
    private String detail;

    @Column(nullable = false, updatable = false)
    private String link;

    @Column(name = "dedupe_key", updatable = false)
    private String dedupeKey;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {
    }

    Notification(long accountId, NewNotification n, Instant createdAt) {
        this.accountId = accountId;
        this.kind = n.kind();
        this.actor = n.actor();
        this.repositoryId = n.repositoryId();
        this.subject = cut(n.subject(), MAX_SUBJECT);
        this.detail = cut(n.detail(), MAX_DETAIL);
        this.link = n.link();
        this.dedupeKey = n.dedupeKey();
        this.createdAt = createdAt;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    void markRead(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    public long id() {
        return id;
    }

    public long accountId() {
        return accountId;
    }

    public NotificationKind kind() {
        return kind;
    }

    public String actor() {
        return actor;
    }

    public Long repositoryId() {
        return repositoryId;
    }

    public String subject() {
        return subject;
    }

    public String detail() {
        return detail;
    }

    public String link() {
        return link;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant readAt() {
        return readAt;
    }

    public boolean isUnread() {
        return readAt == null;
    }
}
