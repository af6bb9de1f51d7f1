package dev.adapthub.core.org;

/** A member's role in an organization, from most to least powerful. */
public enum Role {
    /** Manages members and settings, and everything a maintainer may do. */
    OWNER,
    /** Merges pull requests and pushes to protected branches of the organization's repositories. */
    MAINTAINER,
    /** Reads private repositories and pushes to unprotected branches. */
    MEMBER;

    /** Whether this role grants at least what {@code other} grants. */
    public boolean atLeast(Role other) {
        return ordinal() <= other.ordinal();
    }
}
