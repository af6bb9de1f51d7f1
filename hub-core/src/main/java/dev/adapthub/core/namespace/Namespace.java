package dev.adapthub.core.namespace;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A claimed owner name. Its primary key is the lower-cased name, so the database itself
 * keeps user and organization names unique across both kinds and regardless of case.
 */
@Entity
@Table(name = "namespaces")
public class Namespace {

    @Id
    @Column(name = "name_lower")
    private String nameLower;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NamespaceKind kind;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Namespace() {
    }

    Namespace(String name, NamespaceKind kind, Instant createdAt) {
        this.name = name;
        this.nameLower = Names.lower(name);
        this.kind = kind;
        this.createdAt = createdAt;
    }

    public String name() {
        return name;
    }

    public NamespaceKind kind() {
        return kind;
    }
}
