package dev.adapthub.core.status;

/** What a probe found: working, working slowly or partly, or not working. Ordered from best to worst. */
public enum ComponentState {
    UP, DEGRADED, DOWN;

    public ComponentState worst(ComponentState other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
