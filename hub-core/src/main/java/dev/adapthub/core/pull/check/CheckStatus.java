package dev.adapthub.core.pull.check;

/** A check run's state: PASS and WARN verdicts are success, FAIL is failure, an exception is error. */
public enum CheckStatus {
    PENDING, SUCCESS, FAILURE, ERROR;

    public boolean finished() {
        return this != PENDING;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
