package dev.adapthub.core.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * One line of the audit log: who ({@link #actor}, from {@link #ip}) did what ({@link #category}
 * and {@link #action}) to what ({@link #target}), when, with {@link #details}. Immutable: Hibernate
 * never writes an update for it, it has no setters, and on PostgreSQL a trigger refuses UPDATE and
 * DELETE of its table (migration V15).
 */
@Entity
@Immutable
@Table(name = "audit_log")
public class AuditEntry {

    static final int MAX_TARGET = 500;
    static final int MAX_DETAILS = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false)
    private String category;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(updatable = false)
    private String actor;

    @Column(updatable = false)
    private String ip;

    @Column(name = "repository_id", updatable = false)
    private Long repositoryId;

    @Column(name = "owner_lower", updatable = false)
    private String ownerLower;

    @Column(nullable = false, updatable = false)
    private String target;

    @Column(updatable = false)
    private String details;

    protected AuditEntry() {
    }

    AuditEntry(AuditRecord record, String ip, Instant occurredAt) {
        this.occurredAt = occurredAt;
        this.category = record.category();
        this.action = record.action();
        this.actor = cut(record.actor(), 100);
        this.ip = cut(ip, 64);
        this.repositoryId = record.repoId();
        this.ownerLower = record.owner() == null ? null : record.owner().toLowerCase(java.util.Locale.ROOT);
        this.target = cut(record.target(), MAX_TARGET);
        this.details = cut(record.details(), MAX_DETAILS);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    public long id() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String category() {
        return category;
    }

    public String action() {
        return action;
    }

    /** {@code category.action}, e.g. {@code repository.deleted}: what filters and exports call the action. */
    public String kind() {
        return category + "." + action;
    }

    public String actor() {
        return actor;
    }

    public String ip() {
        return ip;
    }

    public Long repositoryId() {
        return repositoryId;
    }

    public String ownerLower() {
        return ownerLower;
    }

    public String target() {
        return target;
    }

    public String details() {
        return details;
    }
}
