package dev.adapthub.web.status;

import dev.adapthub.core.status.JobQueue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The hub's own metrics, beside Spring Boot's ({@code http_server_requests_seconds}: HTTP latency) and
 * db-scheduler's, all at {@code /actuator/prometheus} (administrators only):
 * <ul>
 * <li>{@code adapthub_git_pushes_total}, {@code adapthub_git_clones_total}: counted by this process;</li>
 * <li>{@code adapthub_lfs_bytes_total{direction="upload|download"}}: LFS object bytes through this process;</li>
 * <li>{@code adapthub_validations{source="index|pull",verdict="PASS|WARN|FAIL"}}: validations in the database
 *     (the same for every process; read at most every {@link #DB_TTL});</li>
 * <li>{@code adapthub_jobs_due}, {@code adapthub_jobs_oldest_wait_seconds}: the shared job queue;</li>
 * <li>{@code adapthub_jobs_latency_seconds{task}}: from due to started, per job ({@link JobLatency}).</li>
 * </ul>
 */
@Component
public class HubMetrics {

    static final Duration DB_TTL = Duration.ofSeconds(15);
    private static final List<String> VERDICTS = List.of("PASS", "WARN", "FAIL");

    private final Counter pushes;
    private final Counter clones;
    private final Counter lfsUp;
    private final Counter lfsDown;
    private final JdbcTemplate jdbc;
    private volatile Snapshot snapshot;

    private record Snapshot(Instant at, Map<String, Long> validations, JobQueue queue) {
    }

    HubMetrics(MeterRegistry registry, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        pushes = Counter.builder("adapthub.git.pushes").description("git pushes answered (receive-pack)")
                .register(registry);
        clones = Counter.builder("adapthub.git.clones").description("fresh clones served (no common commit)")
                .register(registry);
        lfsUp = Counter.builder("adapthub.lfs.bytes").baseUnit("bytes").tag("direction", "upload").register(registry);
        lfsDown = Counter.builder("adapthub.lfs.bytes").baseUnit("bytes").tag("direction", "download")
                .register(registry);
        for (String source : List.of("index", "pull")) {
            for (String verdict : VERDICTS) {
                Gauge.builder("adapthub.validations", this, m -> m.snapshot().validations()
                                .getOrDefault(source + ":" + verdict, 0L))
                        .description("validations in the database by verdict").tag("source", source)
                        .tag("verdict", verdict).register(registry);
            }
        }
        Gauge.builder("adapthub.jobs.due", this, m -> m.snapshot().queue().due())
                .description("jobs due and not yet picked").register(registry);
        Gauge.builder("adapthub.jobs.oldest.wait", this, m -> m.snapshot().queue().oldestWait().toMillis() / 1000.0)
                .baseUnit("seconds").description("how long the oldest due job has waited").register(registry);
    }

    public void pushed() {
        pushes.increment();
    }

    public void cloned() {
        clones.increment();
    }

    void lfsUploaded(long bytes) {
        lfsUp.increment(bytes);
    }

    void lfsDownloaded(long bytes) {
        lfsDown.increment(bytes);
    }

    private Snapshot snapshot() {
        Snapshot s = snapshot;
        Instant now = Instant.now();
        if (s == null || s.at().plus(DB_TTL).isBefore(now)) {
            s = read(now);
            snapshot = s;
        }
        return s;
    }

    private Snapshot read(Instant now) {
        Map<String, Long> validations = new HashMap<>();
        try {
            jdbc.query("SELECT verdict, COUNT(*) AS n FROM adaptation_validations GROUP BY verdict",
                    rs -> {
                        validations.put("index:" + rs.getString("verdict"), rs.getLong("n"));
                    });
            jdbc.query("SELECT verdict, COUNT(*) AS n FROM check_runs WHERE verdict IS NOT NULL GROUP BY verdict",
                    rs -> {
                        validations.put("pull:" + rs.getString("verdict"), rs.getLong("n"));
                    });
            return new Snapshot(now, validations, JobQueue.read(jdbc, now));
        } catch (DataAccessException e) {
            return new Snapshot(now, validations, new JobQueue(0, Duration.ZERO));
        }
    }
}
