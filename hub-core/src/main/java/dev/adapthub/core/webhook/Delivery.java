package dev.adapthub.core.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One event's payload on its way to one webhook, with the state of its attempts. */
@Entity
@Table(name = "webhook_deliveries")
public class Delivery {

    /** Where a delivery stands. */
    public enum Status {
        /** Queued: an attempt is due now or after a back-off. */
        PENDING,
        /** A 2xx answer was received. */
        DELIVERED,
        /** Every attempt failed (or the hook was disabled meanwhile); a maintainer may redeliver. */
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "webhook_id", nullable = false)
    private long webhookId;

    @Column(nullable = false)
    private String guid;

    @Column(nullable = false)
    private String event;

    private String action;

    @Column(nullable = false)
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    protected Delivery() {
    }

    Delivery(long webhookId, String guid, String event, String action, String payload, Instant createdAt) {
        this.webhookId = webhookId;
        this.guid = guid;
        this.event = event;
        this.action = action;
        this.payload = payload;
        this.status = Status.PENDING;
        this.createdAt = createdAt;
        this.nextAttemptAt = createdAt;
    }

    void attempted(int attempt, boolean delivered, Instant at, Instant next) {
        attempts = Math.max(attempts, attempt);
        lastAttemptAt = at;
        nextAttemptAt = next;
        status = delivered ? Status.DELIVERED : next == null ? Status.FAILED : Status.PENDING;
    }

    void requeued(Instant at) {
        status = Status.PENDING;
        nextAttemptAt = at;
    }

    public long id() {
        return id;
    }

    public long webhookId() {
        return webhookId;
    }

    public String guid() {
        return guid;
    }

    public String event() {
        return event;
    }

    public String action() {
        return action;
    }

    public String payload() {
        return payload;
    }

    public Status status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastAttemptAt() {
        return lastAttemptAt;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }
}
