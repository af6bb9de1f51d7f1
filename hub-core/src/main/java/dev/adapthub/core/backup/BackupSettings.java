package dev.adapthub.core.backup;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Scheduled backups ({@code hub.backup.*}; environment variables {@code HUB_BACKUP_DIR},
 * {@code HUB_BACKUP_INTERVAL}, {@code HUB_BACKUP_CRON}, {@code HUB_BACKUP_KEEP}).
 *
 * @param dir where backups go, one directory each ({@code adapthub-<UTC time>}); none: no scheduled backups
 * @param interval the time between the end of one backup and the start of the next; default 24 h
 * @param cron a cron expression (seconds first, as db-scheduler reads it) used instead of the interval
 * @param keep how many successful backups to keep in {@code dir}; older ones are deleted; default 7
 */
@ConfigurationProperties("hub.backup")
public record BackupSettings(Path dir, Duration interval, String cron, Integer keep) {

    public BackupSettings {
        interval = interval == null ? Duration.ofHours(24) : interval;
        keep = keep == null ? 7 : keep;
        if (keep < 1) {
            throw new IllegalArgumentException("HUB_BACKUP_KEEP must be at least 1 (it is " + keep + ")");
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("HUB_BACKUP_INTERVAL must be positive (it is " + interval + ")");
        }
        cron = cron == null || cron.isBlank() ? null : cron.strip();
    }
}
