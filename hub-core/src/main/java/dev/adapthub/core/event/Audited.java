package dev.adapthub.core.event;

/**
 * A state change that a feature wants in the audit log as it is, with no event type of its own
 * (webhook changes, incidents). Listeners treat it like any other state change: recorded with the
 * transaction it was published in.
 *
 * @param category     a short family name: {@code webhook}, {@code incident}, …
 * @param action       what happened, e.g. {@code created}
 * @param repoId       the repository concerned, or null
 * @param organization the organization concerned, or null
 * @param target       what was acted on, for people ({@code "hook 3 → https://…"})
 * @param details      anything else worth keeping; may be null
 */
public record Audited(String category, String action, String actor, Long repoId, String organization, String target,
        String details) implements HubEvent {
}
