package dev.adapthub.core.event;

/**
 * A repository was created, renamed, moved, deleted, or its settings changed. Carries the names as
 * they were, since a deleted repository can no longer be looked up.
 *
 * @param action   {@code created}, {@code renamed}, {@code moved}, {@code deleted}, {@code visibility} or
 *                 {@code settings}
 * @param kind     {@code model}, {@code dataset} or {@code tool}
 * @param owner    the owning user or organization (after the change)
 * @param fullName {@code owner/name} (after the change)
 * @param detail   what changed, for people ({@code "private → public"}, {@code "from a/b"})
 */
public record RepoChanged(long repoId, String actor, String action, String kind, String owner, String fullName,
        boolean privateRepo, String detail) implements HubEvent {
}
