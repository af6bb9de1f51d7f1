package dev.adapthub.core.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores a backup onto an empty data directory and an empty database. Everything that can be
 * wrong with the input (not a backup, a damaged or incomplete one, a newer schema than this hub
 * knows, a data directory or database that is not empty) is found before anything is written. The
 * database gets the hub's migrations up to the backup's schema version, then the rows; the
 * repositories are rebuilt from their bundles (each ref checked against the manifest) beside their
 * final place and moved in whole.
 */
public final class HubRestore {

    private static final Logger log = LoggerFactory.getLogger(HubRestore.class);

    /** Where the database is: the restore opens its own connections (Flyway needs them). */
    public record Database(String url, String user, String password) {
    }

    public record Result(int repositories, long rows, Duration took) {
    }

    private final Path dataDir;

    public HubRestore(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** Checks {@code from} (manifest and every file's checksum) without restoring anything. */
    public static BackupManifest verify(Path from) throws BackupException {
        BackupManifest manifest = BackupManifest.read(from.toAbsolutePath().normalize());
        manifest.verifyFiles(from.toAbsolutePath().normalize());
        return manifest;
    }

    public Result restore(Path from, Database database) throws BackupException, IOException, SQLException {
        long started = System.nanoTime();
        Path source = from.toAbsolutePath().normalize();
        BackupManifest manifest = verify(source);
        requireEmptyDataDir();
        try (Connection connection = java.sql.DriverManager.getConnection(database.url(), database.user(),
                database.password())) {
            requireEmptyDatabase(connection, database.url());
        }
        Flyway flyway = Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .locations("classpath:db/migration").target(manifest.database().schemaVersion()).load();
        requireKnownSchema(flyway, manifest.database().schemaVersion());
        flyway.migrate();
        long rows = 0;
        try (Connection connection = java.sql.DriverManager.getConnection(database.url(), database.user(),
                database.password())) {
            connection.setAutoCommit(false);
            for (DatabaseDump.Table table : manifest.database().tables()) {
                rows += DatabaseDump.load(connection, table.name(), source.resolve(table.file()));
                DatabaseDump.restartIdentities(connection, table.name());
            }
            connection.commit();
        }
        Path staging = dataDir.resolve("git").resolve("tmp");
        Files.createDirectories(staging);
        for (BackupManifest.Repository repository : manifest.repositories()) {
            GitBackup.restore(repository, source, HubBackup.repositoryDir(dataDir, repository.storageId()),
                    staging.resolve("restore-" + UUID.randomUUID() + ".git"));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        log.info("Restored {} repositories and {} rows from {} (snapshot of {}) in {} ms", manifest.repositories().size(),
                rows, source, manifest.createdAt(), took.toMillis());
        return new Result(manifest.repositories().size(), rows, took);
    }

    private static void requireKnownSchema(Flyway flyway, String version) throws BackupException {
        if (version == null) {
            throw new BackupException("The backup records no schema version; it was not written by 'backup --to'.");
        }
        boolean known = Arrays.stream(flyway.info().all())
                .anyMatch(m -> m.getVersion() != null && m.getVersion().getVersion().equals(version));
        if (!known) {
            throw new BackupException("The backup's database schema is at version " + version + ", which this hub ("
                    + HubBackup.hubVersion() + ") does not know; restore it with the hub version that wrote it ("
                    + "or a newer one). Nothing was changed.");
        }
    }

    private void requireEmptyDataDir() throws BackupException, IOException {
        if (!Files.exists(dataDir)) {
            return;
        }
        if (!Files.isDirectory(dataDir)) {
            throw new BackupException("The data directory " + dataDir + " is a file; restore into a new or empty"
                    + " directory (HUB_DATA_DIR).");
        }
        try (Stream<Path> entries = Files.list(dataDir)) {
            if (entries.findAny().isPresent()) {
                throw new BackupException("The data directory " + dataDir + " is not empty; restore into a new or"
                        + " empty directory (HUB_DATA_DIR). Nothing was changed.");
            }
        }
    }

    private static void requireEmptyDatabase(Connection connection, String url) throws SQLException, BackupException {
        try (ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), "%",
                new String[] {"TABLE"})) {
            if (tables.next()) {
                throw new BackupException("The database " + url + " is not empty (it has the table "
                        + tables.getString("TABLE_NAME") + "); restore into a new, empty database. Nothing was changed.");
            }
        }
    }
}
