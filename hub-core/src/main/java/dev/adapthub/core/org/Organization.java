package dev.adapthub.core.org;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A group that owns repositories: a chip vendor, a model team, a tool project. */
@Entity
@Table(name = "organizations")
public class Organization {

    public static final int MAX_DISPLAY_NAME = 100;
    public static final int MAX_DESCRIPTION = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(name = "name_lower", nullable = false, unique = true)
    private String nameLower;

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "description")
    private String description;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Organization() {
    }

    Organization(String name, String displayName, String description, Instant createdAt) {
        this.name = name;
        this.nameLower = name.toLowerCase(java.util.Locale.ROOT);
        this.displayName = displayName;
        this.description = description;
        this.createdAt = createdAt;
    }

    public OrganizationId id() {
        return new OrganizationId(id);
    }

    public String name() {
        return name;
    }

    public String displayName() {
        return displayName == null || displayName.isBlank() ? name : displayName;
    }

    public String description() {
        return description == null ? "" : description;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
