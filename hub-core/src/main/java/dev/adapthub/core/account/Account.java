package dev.adapthub.core.account;

import dev.adapthub.core.cluster.KeptTopic;
import dev.adapthub.core.cluster.RowWrites;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person who signs in. Its name is claimed in the shared namespace. */
@Entity
@EntityListeners(RowWrites.class)
@KeptTopic(AccountService.GENERATION)
@Table(name = "accounts")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(name = "name_lower", nullable = false, unique = true)
    private String nameLower;

    @Column(name = "display_name")
    private String displayName;

    @Column(nullable = false)
    private String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private boolean admin;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The page language the account chose (a language tag such as {@code zh-CN}); null: not chosen. */
    @Column(name = "language")
    private String language;

    protected Account() {
    }

    Account(String name, String email, String passwordHash, boolean admin, Instant createdAt) {
        this.name = name;
        this.nameLower = name.toLowerCase(java.util.Locale.ROOT);
        this.email = email;
        this.passwordHash = passwordHash;
        this.admin = admin;
        this.createdAt = createdAt;
    }

    public AccountId id() {
        return new AccountId(id);
    }

    public String name() {
        return name;
    }

    public String displayName() {
        return displayName == null ? name : displayName;
    }

    public String email() {
        return email;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean isAdmin() {
        return admin;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The page language the account chose, as a language tag; empty until it chooses one. */
    public java.util.Optional<String> language() {
        return java.util.Optional.ofNullable(language);
    }

    void language(String tag) {
        this.language = tag;
    }
}
