package dev.adapthub.core.org;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One account's role in one organization. */
@Entity
@Table(name = "memberships")
class Membership {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "organization_id", nullable = false)
    private long organizationId;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Membership() {
    }

    Membership(long organizationId, long accountId, Role role, Instant createdAt) {
        this.organizationId = organizationId;
        this.accountId = accountId;
        this.role = role;
        this.createdAt = createdAt;
    }

    long organizationId() {
        return organizationId;
    }

    long accountId() {
        return accountId;
    }

    Role role() {
        return role;
    }

    void changeRole(Role role) {
        this.role = role;
    }
}
