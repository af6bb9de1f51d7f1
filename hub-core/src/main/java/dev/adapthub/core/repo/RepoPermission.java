package dev.adapthub.core.repo;

/** What someone may do with a repository, each level including the ones before it. */
public enum RepoPermission {
    /** Not even know that it exists (a private repository is a 404). */
    NONE,
    /** Browse, clone, download; open pull requests. */
    READ,
    /** Push to unprotected branches, upload and edit files there. */
    WRITE,
    /** Also push to protected branches and merge pull requests. */
    MAINTAIN,
    /** Also change settings, rename and delete. */
    ADMIN;

    public boolean allows(RepoPermission needed) {
        return ordinal() >= needed.ordinal();
    }
}
