package dev.adapthub.core.token;

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
 * A personal access token. Only the SHA-256 of the secret is stored; the secret is shown
 * once, at creation. A token is usable while not revoked and not expired.
 */
@Entity
@Table(name = "access_tokens")
public class AccessToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(nullable = false)
    private String name;

    @Column(name = "token_hash", nullable = false, unique = true)
    private String tokenHash;

    /** The first characters of the secret, so a person can tell tokens apart. */
    @Column(name = "token_prefix", nullable = false)
    private String tokenPrefix;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TokenScope scope;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected AccessToken() {
    }

    AccessToken(long accountId, String name, String tokenHash, String tokenPrefix, TokenScope scope,
            Instant createdAt, Instant expiresAt) {
        this.accountId = accountId;
        this.name = name;
        this.tokenHash = tokenHash;
        this.tokenPrefix = tokenPrefix;
        this.scope = scope;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public long id() {
        return id;
    }

    public long accountId() {
        return accountId;
    }

    public String name() {
        return name;
    }

    public String prefix() {
        return tokenPrefix;
    }

    public TokenScope scope() {
        return scope;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public boolean isUsableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    void markUsed(Instant when) {
        this.lastUsedAt = when;
    }

    void revoke(Instant when) {
        if (revokedAt == null) {
            this.revokedAt = when;
        }
    }
}
