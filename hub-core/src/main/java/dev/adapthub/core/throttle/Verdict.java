package dev.adapthub.core.throttle;

/**
 * The answer to one counted attempt: its number in the current window and, when that number is
 * over the limit, how many seconds remain until the window ends ({@code 0} when allowed).
 */
public record Verdict(int attempt, long retryAfterSeconds) {

    public boolean allowed() {
        return retryAfterSeconds == 0;
    }
}
