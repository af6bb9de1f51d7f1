package dev.adapthub.core.event;

/**
 * A personal access token was created or revoked.
 *
 * @param change {@code created} or {@code revoked}
 */
public record TokenChanged(String actor, long tokenId, String tokenName, String scope, String change)
        implements HubEvent {
}
