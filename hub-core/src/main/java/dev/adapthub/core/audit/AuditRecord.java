package dev.adapthub.core.audit;

import java.util.Objects;

/**
 * What a feature asks {@link AuditLog#record} to write: the log adds the time and the client
 * address.
 *
 * @param category a family of actions: {@code auth}, {@code token}, {@code push}, {@code pull_request},
 *                 {@code protection}, {@code repository}, {@code membership}, {@code webhook},
 *                 {@code incident}, …
 * @param action   what happened within the family ({@code created}, {@code failed}, …)
 * @param actor    the account name that acted; null for the hub itself
 * @param repoId   the repository concerned, or null; its maintainers see the entry
 * @param owner    the user or organization the target belongs to, or null; an organization's owners
 *                 see the entries of their organization
 * @param target   what was acted on, for people
 * @param details  anything else worth keeping (old → new values, reasons); may be null
 */
public record AuditRecord(String category, String action, String actor, Long repoId, String owner, String target,
        String details) {

    public AuditRecord {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(action, "action");
        target = target == null ? "" : target;
    }
}
