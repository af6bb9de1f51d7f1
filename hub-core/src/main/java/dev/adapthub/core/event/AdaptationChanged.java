package dev.adapthub.core.event;

/**
 * A config on a default branch was validated (again), or its validation went stale.
 *
 * @param state   {@code validated} or {@code stale}
 * @param verdict the validation's verdict ({@code PASS}, {@code WARN}, {@code FAIL}); null when stale
 * @param reason  why it went stale; null when validated
 */
public record AdaptationChanged(long repoId, String path, String chip, String state, String verdict, String commit,
        String reason) implements HubEvent {

    @Override
    public String actor() {
        return null;
    }
}
