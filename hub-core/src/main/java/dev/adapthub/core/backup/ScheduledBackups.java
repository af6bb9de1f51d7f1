package dev.adapthub.core.backup;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import dev.adapthub.core.HubProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.eclipse.jgit.util.FileUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Scheduled backups, when {@code HUB_BACKUP_DIR} is set: a db-scheduler recurring task (one
 * execution on the shared queue, so one hub process runs it at a time) writes a backup into
 * {@code .partial-<time>} in that directory, renames it to {@code adapthub-<time>} when it is
 * complete, records it in {@link BackupHistory} and keeps the newest {@code HUB_BACKUP_KEEP}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BackupSettings.class)
class ScheduledBackups {

    static final String TASK = "hub-backup";
    static final String PREFIX = "adapthub-";
    private static final String PARTIAL = ".partial-";
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Logger log = LoggerFactory.getLogger(ScheduledBackups.class);

    @Bean
    @ConditionalOnProperty("hub.backup.dir")
    RecurringTask<Void> hubBackupTask(BackupSettings settings, HubProperties hub, DataSource dataSource,
            BackupHistory history, Clock clock) {
        Schedule schedule = settings.cron() != null ? Schedules.cron(settings.cron())
                : Schedules.fixedDelay(settings.interval());
        log.info("Scheduled backups to {} ({}), keeping {}", settings.dir(), settings.cron() != null
                ? "cron " + settings.cron() : "every " + settings.interval(), settings.keep());
        return Tasks.recurring(TASK, schedule).execute((instance, context) ->
                backUp(settings, hub.dataDir(), dataSource, history, clock));
    }

    static void backUp(BackupSettings settings, Path dataDir, DataSource dataSource, BackupHistory history,
            Clock clock) {
        Path dir = settings.dir().toAbsolutePath().normalize();
        String name = NAME.format(clock.instant());
        Path partial = dir.resolve(PARTIAL + name);
        Path target = dir.resolve(PREFIX + name);
        try {
            Files.createDirectories(dir);
            deleteLeftovers(dir);
            HubBackup.Result result;
            try (Connection connection = dataSource.getConnection()) {
                result = new HubBackup(dataDir, clock).write(connection, partial);
                Files.move(partial, target);
                BackupHistory.record(connection, new HubBackup.Result(target, result.snapshotAt(),
                        result.repositories(), result.bytes(), result.took()), "scheduled");
            }
            prune(dir, settings.keep());
        } catch (Exception e) {
            log.error("Scheduled backup to {} failed: {}", target, e.toString(), e);
            history.recordFailure("scheduled", target.toString(), e.toString());
            deleteQuietly(partial);
        }
    }

    /** Deletes all but the newest {@code keep} complete backups (names sort by time). */
    static void prune(Path dir, int keep) throws IOException {
        List<Path> complete;
        try (Stream<Path> entries = Files.list(dir)) {
            complete = entries.filter(p -> p.getFileName().toString().startsWith(PREFIX))
                    .filter(p -> Files.isRegularFile(p.resolve(BackupManifest.FILE)))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
        }
        for (Path old : complete.subList(Math.min(keep, complete.size()), complete.size())) {
            log.info("Deleting the old backup {} (keeping the newest {})", old, keep);
            FileUtils.delete(old.toFile(), FileUtils.RECURSIVE);
        }
    }

    /** A backup that a killed process left half written is never complete: it goes. */
    private static void deleteLeftovers(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path leftover : entries.filter(p -> p.getFileName().toString().startsWith(PARTIAL)).toList()) {
                log.info("Deleting the incomplete backup {}", leftover);
                FileUtils.delete(leftover.toFile(), FileUtils.RECURSIVE);
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
        } catch (IOException e) {
            log.warn("Could not delete the incomplete backup {}: {}", dir, e.toString());
        }
    }
}
