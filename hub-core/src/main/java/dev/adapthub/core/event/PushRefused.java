package dev.adapthub.core.event;

/**
 * A ref update of a {@code git push} (or of the branch API) that the push rules refused.
 * Pushes that were applied are announced as {@code RefsMoved} by the repository feature.
 *
 * @param force whether the update was a non-fast-forward (a force push)
 */
public record PushRefused(long repoId, String actor, String ref, String oldId, String newId, boolean force,
        String reason) implements HubEvent {
}
