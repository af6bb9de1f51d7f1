package dev.adapthub.core.status;

import java.time.Instant;
import java.util.Optional;

/**
 * The hook for backups on the status page: when a bean of this type exists (the backup feature
 * declares one), the page shows when the last backup succeeded; without one the line is omitted.
 */
public interface LastBackup {

    /** When the last backup completed successfully; empty when none has yet. */
    Optional<Instant> lastSuccessful();
}
