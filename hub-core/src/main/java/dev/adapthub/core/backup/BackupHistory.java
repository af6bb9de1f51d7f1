package dev.adapthub.core.backup;

import dev.adapthub.core.status.LastBackup;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The record of backups ({@code backup_runs}): scheduled ones and those taken with
 * {@code backup --to}. {@link #lastSuccess()} is what a status page shows as "last successful backup".
 */
@Service
public class BackupHistory implements LastBackup {

    private static final Logger log = LoggerFactory.getLogger(BackupHistory.class);

    private final JdbcTemplate jdbc;

    BackupHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** When the snapshot of the latest successful backup was taken; empty when none succeeded. */
    /** The status page's line "last successful backup" (shown once one has succeeded). */
    @Override
    public Optional<Instant> lastSuccessful() {
        return lastSuccess();
    }

    public Optional<Instant> lastSuccess() {
        return jdbc.query("SELECT snapshot_at FROM backup_runs WHERE succeeded = TRUE ORDER BY snapshot_at DESC",
                rs -> rs.next() ? Optional.of(rs.getObject(1, OffsetDateTime.class).toInstant()) : Optional.empty());
    }

    /** Records a failed backup, so the failure is visible where the last success is. */
    void recordFailure(String origin, String location, String message) {
        jdbc.update("INSERT INTO backup_runs (origin, location, finished_at, succeeded, message) VALUES (?, ?, ?, FALSE, ?)",
                origin, location, OffsetDateTime.now(ZoneOffset.UTC),
                message.length() > 2000 ? message.substring(0, 2000) : message);
    }

    /** Records a finished backup on {@code connection} (the command line has no Spring context). */
    static void record(Connection connection, HubBackup.Result result, String origin) {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO backup_runs (origin, location,"
                + " snapshot_at, finished_at, succeeded, bytes) VALUES (?, ?, ?, ?, TRUE, ?)")) {
            insert.setString(1, origin);
            insert.setString(2, result.dir().toString());
            insert.setObject(3, OffsetDateTime.ofInstant(result.snapshotAt(), ZoneOffset.UTC));
            insert.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
            insert.setLong(5, result.bytes());
            insert.executeUpdate();
        } catch (SQLException e) {
            // The backup itself is complete; only its record is missing (e.g. a schema older than V12).
            log.warn("The backup in {} is complete but could not be recorded: {}", result.dir(), e.getMessage());
        }
    }

}
