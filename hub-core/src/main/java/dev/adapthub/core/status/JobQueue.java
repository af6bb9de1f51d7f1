package dev.adapthub.core.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The db-scheduler queue ({@code scheduled_tasks}) as the status page and the metrics show it: jobs
 * due and not yet picked by any hub process, and how long the oldest of them has waited.
 */
public record JobQueue(long due, Duration oldestWait) {

    public static JobQueue read(JdbcTemplate jdbc, Instant now) {
        Timestamp at = Timestamp.from(now);
        Long due = jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks WHERE picked = FALSE"
                + " AND execution_time <= ?", Long.class, at);
        Timestamp oldest = jdbc.queryForObject("SELECT MIN(execution_time) FROM scheduled_tasks"
                + " WHERE picked = FALSE AND execution_time <= ?", Timestamp.class, at);
        Duration wait = oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), now);
        return new JobQueue(due == null ? 0 : due, wait.isNegative() ? Duration.ZERO : wait);
    }
}
