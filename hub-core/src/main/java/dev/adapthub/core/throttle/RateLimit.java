package dev.adapthub.core.throttle;

import java.time.Duration;

/**
 * At most {@code max} attempts per key in each fixed window of {@code window}; {@code name}
 * keeps the counters of different limits apart ({@code login-account}, {@code token-address}).
 */
public record RateLimit(String name, int max, Duration window) {

    public RateLimit {
        if (name == null || name.isBlank() || name.length() > 40 || name.contains(":")) {
            throw new IllegalArgumentException("A limit's name is 1 to 40 characters without ':', got " + name);
        }
        if (max < 1 || window.toSeconds() < 1) {
            throw new IllegalArgumentException("Limit " + name + " needs max >= 1 and a window of a second or more");
        }
    }
}
