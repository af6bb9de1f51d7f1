package dev.adapthub.core.pull;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One entry of a pull request's conversation: a comment, a review (with its verdict and the
 * head it reviewed, so a later push makes an approval stale) or a timeline event.
 */
@Entity
@Table(name = "pull_request_events")
public class PullEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "pull_request_id", nullable = false, updatable = false)
    private long pullRequestId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private EventKind kind;

    @Column(name = "actor_id", nullable = false, updatable = false)
    private long actorId;

    @Column(updatable = false)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(name = "review_verdict", updatable = false)
    private ReviewVerdict reviewVerdict;

    @Column(name = "commit_id", updatable = false)
    private String commitId;

    @Column(nullable = false)
    private boolean dismissed;

    /** For a line comment: the file and the line (of the file at {@link #commitId()}) it is on. */
    @Column(updatable = false)
    private String path;

    @Column(updatable = false)
    private Integer line;

    /** For a review request: the account asked to review. */
    @Column(name = "subject_id", updatable = false)
    private Long subjectId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected PullEvent() {
    }

    PullEvent(long pullRequestId, EventKind kind, long actorId, String body, ReviewVerdict verdict, String commitId,
            Instant now) {
        this.pullRequestId = pullRequestId;
        this.kind = kind;
        this.actorId = actorId;
        this.body = body;
        this.reviewVerdict = verdict;
        this.commitId = commitId;
        this.createdAt = now;
    }

    static PullEvent onLine(long pullRequestId, long actorId, String body, String commitId, String path, int line,
            Instant now) {
        PullEvent event = new PullEvent(pullRequestId, EventKind.LINE_COMMENT, actorId, body, null, commitId, now);
        event.path = path;
        event.line = line;
        return event;
    }

    static PullEvent reviewRequest(long pullRequestId, long actorId, long reviewerId, String commitId, Instant now) {
        PullEvent event = new PullEvent(pullRequestId, EventKind.REVIEW_REQUESTED, actorId, null, null, commitId, now);
        event.subjectId = reviewerId;
        return event;
    }

    public long id() {
        return id;
    }

    public long pullRequestId() {
        return pullRequestId;
    }

    public EventKind kind() {
        return kind;
    }

    public long actorId() {
        return actorId;
    }

    /** Markdown for comments and reviews; a short note for timeline events; may be null. */
    public String body() {
        return body;
    }

    public ReviewVerdict reviewVerdict() {
        return reviewVerdict;
    }

    /** The head the event is about: the reviewed commit, the pushed tip, the merge commit. */
    public String commitId() {
        return commitId;
    }

    /** The file a line comment is on; null for other events. */
    public String path() {
        return path;
    }

    /** The line a line comment is on (1-based, in the file at {@link #commitId()}); null for other events. */
    public Integer line() {
        return line;
    }

    /** The account a review was requested from; null for other events. */
    public Long subjectId() {
        return subjectId;
    }

    public boolean isDismissed() {
        return dismissed;
    }

    public Instant createdAt() {
        return createdAt;
    }

    void dismiss() {
        this.dismissed = true;
    }
}
