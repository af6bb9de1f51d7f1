package dev.adapthub.core.pull;

/** Where a pull request is in its life: open until closed or merged; a closed one can reopen. */
public enum PullState {
    OPEN, CLOSED, MERGED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
