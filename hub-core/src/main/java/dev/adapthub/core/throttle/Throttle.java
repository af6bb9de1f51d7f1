package dev.adapthub.core.throttle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts attempts per key in fixed windows, in the database, so that every hub process on one
 * database sees the same count and parallel attempts cannot slip past the limit: an attempt is
 * counted first (atomically, in its own short transaction) and the caller acts on the verdict.
 * Rows of ended windows are deleted at most once a minute per process, so the table holds only
 * the current windows. Fixed windows allow up to twice the limit across one window boundary;
 * for sign-ins that is still a handful of guesses per window.
 */
@Service
public class Throttle {

    /**
     * Keys longer than this (a made-up user name of any length) or with control characters (which
     * PostgreSQL refuses in text) are stored as their SHA-256.
     */
    static final int MAX_KEY = 150;
    private static final long CLEANUP_EVERY_SECONDS = 60;
    private static final int INSERT_RACES = 3;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AtomicLong nextCleanup = new AtomicLong();

    public Throttle(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        // Its own transaction, committed at once, even when a caller's transaction is open.
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Counts one attempt for {@code key} and says whether it is within the limit. */
    public Verdict count(RateLimit limit, String key) {
        long now = clock.instant().getEpochSecond();
        long window = limit.window().toSeconds();
        long start = now - Math.floorMod(now, window);
        cleanUp(now);
        String bucket = bucket(limit, key);
        int attempt = increment(bucket, start, start + window);
        return new Verdict(attempt, attempt <= limit.max() ? 0 : Math.max(1, start + window - now));
    }

    /** Forgets the attempts of the current window for {@code key} (after a successful sign-in). */
    public void reset(RateLimit limit, String key) {
        jdbc.update("DELETE FROM throttle_counters WHERE bucket = ?", bucket(limit, key));
    }

    /** Takes back one counted attempt that turned out not to count (it succeeded, or was refused elsewhere). */
    public void refund(RateLimit limit, String key) {
        long now = clock.instant().getEpochSecond();
        long window = limit.window().toSeconds();
        jdbc.update("UPDATE throttle_counters SET attempts = attempts - 1"
                + " WHERE bucket = ? AND window_start = ? AND attempts > 0",
                bucket(limit, key), now - Math.floorMod(now, window));
    }

    /** The attempts counted in the current window, without counting one. */
    public int attempts(RateLimit limit, String key) {
        long now = clock.instant().getEpochSecond();
        long window = limit.window().toSeconds();
        return jdbc.query("SELECT attempts FROM throttle_counters WHERE bucket = ? AND window_start = ?",
                rs -> rs.next() ? rs.getInt(1) : 0, bucket(limit, key), now - Math.floorMod(now, window));
    }

    /**
     * UPDATE first (the common case, and it takes the row lock, so the SELECT after it reads this
     * attempt's own number); on no row, INSERT, and when another process inserted the row in
     * between, the primary key refuses the INSERT and the UPDATE is tried again.
     */
    private int increment(String bucket, long windowStart, long expiresAt) {
        for (int race = 0; ; race++) {
            try {
                return transactions.execute(status -> {
                    int updated = jdbc.update("UPDATE throttle_counters SET attempts = attempts + 1"
                            + " WHERE bucket = ? AND window_start = ?", bucket, windowStart);
                    if (updated == 0) {
                        jdbc.update("INSERT INTO throttle_counters (bucket, window_start, attempts, expires_at)"
                                + " VALUES (?, ?, 1, ?)", bucket, windowStart, expiresAt);
                        return 1;
                    }
                    return jdbc.queryForObject("SELECT attempts FROM throttle_counters"
                            + " WHERE bucket = ? AND window_start = ?", Integer.class, bucket, windowStart);
                });
            } catch (DuplicateKeyException lostTheInsertRace) {
                if (race >= INSERT_RACES) {
                    throw lostTheInsertRace;
                }
            }
        }
    }

    private void cleanUp(long now) {
        long due = nextCleanup.get();
        if (now >= due && nextCleanup.compareAndSet(due, now + CLEANUP_EVERY_SECONDS)) {
            jdbc.update("DELETE FROM throttle_counters WHERE expires_at <= ?", now);
        }
    }

    static String bucket(RateLimit limit, String key) {
        String k = key == null ? "" : key;
        boolean plain = k.length() <= MAX_KEY && k.chars().noneMatch(Character::isISOControl);
        return limit.name() + ":" + (plain ? k : "sha256:" + sha256(k));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
