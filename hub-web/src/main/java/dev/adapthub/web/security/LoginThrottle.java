package dev.adapthub.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per account and per client address in a fixed window. Past the limit,
 * further attempts are refused until the window ends, whether or not the password is right,
 * so guessing gets nowhere. Kept in memory: a restart forgives, which is acceptable for a
 * single hub process (several processes would move this to the database).
 */
@Component
class LoginThrottle {

    static final int MAX_FAILURES_PER_ACCOUNT = 5;
    static final int MAX_FAILURES_PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** Bound on remembered keys, so a flood of made-up names cannot exhaust memory. */
    static final int MAX_KEYS = 100_000;

    private record Window(Instant start, int failures) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Seconds until another attempt is allowed; 0 when it is allowed now. */
    long retryAfterSeconds(String account, String address) {
        Instant now = clock.instant();
        return Math.max(blockedFor(accountKey(account), MAX_FAILURES_PER_ACCOUNT, now),
                blockedFor(addressKey(address), MAX_FAILURES_PER_ADDRESS, now));
    }

    void recordFailure(String account, String address) {
        Instant now = clock.instant();
        if (windows.size() > MAX_KEYS) {
            windows.values().removeIf(w -> w.start().plus(WINDOW).isBefore(now));
        }
        increment(accountKey(account), now);
        increment(addressKey(address), now);
    }

    void recordSuccess(String account) {
        windows.remove(accountKey(account));
    }

    private long blockedFor(String key, int limit, Instant now) {
        Window window = windows.get(key);
        if (window == null || window.failures() < limit) {
            return 0;
        }
        Instant end = window.start().plus(WINDOW);
        return now.isBefore(end) ? Math.max(1, Duration.between(now, end).toSeconds()) : 0;
    }

    private void increment(String key, Instant now) {
        windows.compute(key, (k, w) -> w == null || !now.isBefore(w.start().plus(WINDOW))
                ? new Window(now, 1)
                : new Window(w.start(), w.failures() + 1));
    }

    private static String accountKey(String account) {
        return "a:" + (account == null ? "" : account.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "i:" + address;
    }
}
