package dev.adapthub.core.status;

import dev.adapthub.core.HubProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The components hub-core can probe itself: the database, Git storage, LFS storage, the job queue
 * and the validation backlog. The web layer adds {@code web}. Thresholds are stated where they are
 * decided: a slow answer or a long queue is DEGRADED, no answer is DOWN.
 */
@Configuration(proxyBeanMethods = false)
class CoreChecks {

    static final Duration SLOW_DATABASE = Duration.ofSeconds(1);
    /** A due job waiting longer than this means the workers do not keep up. */
    static final Duration JOB_WAIT_DEGRADED = Duration.ofMinutes(5);
    static final Duration JOB_WAIT_DOWN = Duration.ofMinutes(30);
    static final long BACKLOG_DEGRADED = 100;

    @Bean
    ComponentCheck databaseCheck(JdbcTemplate jdbc) {
        return new Named("database", 20, () -> {
            long start = System.nanoTime();
            try {
                jdbc.queryForObject("SELECT 1", Integer.class);
            } catch (DataAccessException e) {
                return ComponentCheck.Result.down("The database does not answer.");
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            String detail = "answered in " + took.toMillis() + " ms";
            return took.compareTo(SLOW_DATABASE) > 0 ? ComponentCheck.Result.degraded(detail)
                    : ComponentCheck.Result.up(detail);
        });
    }

    @Bean
    ComponentCheck gitStorageCheck(HubProperties properties) {
        return new Named("git", 30, () -> writable(properties.dataDir().resolve("git"), "repositories"));
    }

    /**
     * LFS objects live inside the repositories (LfsStores.insideRepositories) unless a bucket is
     * configured; then {@code core.lfs.S3LfsConfiguration} declares the {@code lfs} check that asks the
     * bucket (its condition is the opposite of this one; the text is repeated so status does not depend on lfs).
     */
    @Bean
    @ConditionalOnExpression("'${hub.lfs.s3.bucket:}'.isBlank()")
    ComponentCheck lfsStorageCheck(HubProperties properties) {
        return new Named("lfs", 40, () -> writable(properties.dataDir().resolve("git"), "LFS objects"));
    }

    @Bean
    ComponentCheck jobQueueCheck(JdbcTemplate jdbc) {
        return new Named("jobs", 50, () -> {
            try {
                JobQueue queue = JobQueue.read(jdbc, Instant.now());
                String detail = queue.due() + " due, oldest waiting " + queue.oldestWait().toSeconds() + " s";
                if (queue.oldestWait().compareTo(JOB_WAIT_DOWN) > 0) {
                    return ComponentCheck.Result.down(detail);
                }
                return queue.oldestWait().compareTo(JOB_WAIT_DEGRADED) > 0 ? ComponentCheck.Result.degraded(detail)
                        : ComponentCheck.Result.up(detail);
            } catch (DataAccessException e) {
                return ComponentCheck.Result.down("The job queue cannot be read.");
            }
        });
    }

    @Bean
    ComponentCheck validationBacklogCheck(JdbcTemplate jdbc) {
        return new Named("validations", 60, () -> {
            try {
                long pending = count(jdbc, "SELECT COUNT(*) FROM check_runs WHERE status = 'PENDING'");
                long stale = count(jdbc, "SELECT COUNT(*) FROM adaptation_validations WHERE stale = TRUE");
                String detail = pending + " pull request checks pending, " + stale + " configs to validate again";
                return pending + stale > BACKLOG_DEGRADED ? ComponentCheck.Result.degraded(detail)
                        : ComponentCheck.Result.up(detail);
            } catch (DataAccessException e) {
                return ComponentCheck.Result.down("The validation backlog cannot be read.");
            }
        });
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    /** Writes and deletes a small file where the data lives: a full or read-only disk is DOWN. */
    static ComponentCheck.Result writable(Path dir, String what) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".status-probe", ".tmp");
            Files.delete(probe);
            long free = Files.getFileStore(dir).getUsableSpace();
            String detail = what + ": " + (free >> 20) + " MiB free";
            return free < 512L << 20 ? ComponentCheck.Result.degraded(detail) : ComponentCheck.Result.up(detail);
        } catch (IOException | SecurityException e) {
            return ComponentCheck.Result.down(what + " cannot be written.");
        }
    }

    private record Named(String id, int order, java.util.function.Supplier<Result> probe) implements ComponentCheck {

        @Override
        public Result check() {
            return probe.get();
        }
    }
}
