package dev.adapthub.core.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a consistent backup of a running hub: the database and the repositories' refs at one
 * point in time, plus the objects those refs reach and the LFS objects.
 * <p>
 * The point in time is the database snapshot: one read-only transaction (REPEATABLE READ on
 * PostgreSQL, SNAPSHOT on H2) whose first query fixes what every later query of it sees. Right
 * after that first query the refs of every repository the snapshot lists are read; a ref the hub
 * moves first writes its objects and, in the database, records the move only afterwards, so refs
 * read after the snapshot are never behind what the database says (merge commits the database
 * records are on their branches). Refs that moved in between are what a hub killed at that moment
 * leaves, which the hub repairs on start ({@code PullHeadRecovery}). Then the tables are dumped in
 * the same transaction, and, after it ends, each repository is bundled at exactly the recorded
 * refs (objects are immutable; a push after the snapshot adds new ones and changes nothing of
 * these). The manifest, with the checksum of every file, is written last.
 */
public final class HubBackup {

    private static final Logger log = LoggerFactory.getLogger(HubBackup.class);

    private final Path dataDir;
    private final Clock clock;

    /** @param dataDir the hub's data directory ({@code HUB_DATA_DIR}) */
    public HubBackup(Path dataDir, Clock clock) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.clock = clock;
    }

    /** What a finished backup holds. */
    public record Result(Path dir, Instant snapshotAt, int repositories, long bytes, Duration took) {
    }

    /**
     * Backs up into {@code target}, which must not exist or be an empty directory.
     *
     * @param connection a connection to the hub's database, used for one read-only transaction
     */
    public Result write(Connection connection, Path target) throws BackupException, IOException, SQLException {
        long started = System.nanoTime();
        requireEmpty(target);
        Files.createDirectories(target.resolve("db"));
        Files.createDirectories(target.resolve("git"));
        String product = connection.getMetaData().getDatabaseProductName() + " "
                + connection.getMetaData().getDatabaseProductVersion();
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        Map<String, GitBackup.Refs> refs = new TreeMap<>();
        List<DatabaseDump.Table> tables = new ArrayList<>();
        String schemaVersion;
        Instant snapshotAt;
        try {
            snapshot(connection, product);
            connection.setAutoCommit(false);
            List<String> storageIds = storageIds(connection); // the first query: the snapshot starts here
            snapshotAt = clock.instant();
            for (String storageId : storageIds) {
                Path bare = repositoryDir(dataDir, storageId);
                if (!Files.isDirectory(bare)) {
                    throw new BackupException("The database lists repository " + storageId + " but " + bare
                            + " is missing (deleted meanwhile?); run the backup again.");
                }
                refs.put(storageId, GitBackup.readRefs(bare));
            }
            schemaVersion = DatabaseDump.schemaVersion(connection);
            for (String table : DatabaseDump.tables(connection)) {
                String file = "db/" + table + ".jsonl";
                tables.add(new DatabaseDump.Table(table, file, DatabaseDump.export(connection, table, target.resolve(file))));
            }
            connection.commit();
        } finally {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            connection.setAutoCommit(autoCommit);
            connection.setReadOnly(false);
            connection.setTransactionIsolation(isolation);
        }

        List<BackupManifest.Repository> repositories = new ArrayList<>();
        for (Map.Entry<String, GitBackup.Refs> entry : refs.entrySet()) {
            String storageId = entry.getKey();
            Path bare = repositoryDir(dataDir, storageId);
            String bundle = null;
            if (!entry.getValue().tips().isEmpty()) {
                bundle = "git/" + storageId + ".bundle";
                GitBackup.bundle(bare, entry.getValue().tips(), target.resolve(bundle));
            }
            List<String> lfs = GitBackup.copyLfs(bare.resolve("lfs").resolve("objects"),
                    target.resolve("lfs").resolve(storageId));
            repositories.add(new BackupManifest.Repository(storageId, entry.getValue().head(), entry.getValue().tips(),
                    bundle, lfs));
        }
        Map<String, BackupManifest.FileSum> files = new LinkedHashMap<>();
        long bytes = 0;
        List<Path> written;
        try (Stream<Path> walk = Files.walk(target)) {
            written = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : written) {
            BackupManifest.FileSum sum = BackupManifest.sum(file);
            files.put(target.relativize(file).toString().replace('\\', '/'), sum);
            bytes += sum.bytes();
        }
        new BackupManifest(BackupManifest.FORMAT, snapshotAt.toString(), hubVersion(),
                new BackupManifest.Database(product, schemaVersion, tables), repositories, files).write(target);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        log.info("Backup of {} repositories and {} tables written to {} ({} bytes, snapshot at {}, {} ms)",
                repositories.size(), tables.size(), target, bytes, snapshotAt, took.toMillis());
        return new Result(target, snapshotAt, repositories.size(), bytes, took);
    }

    /** Makes the transaction one snapshot of the whole database, fixed by its first query. */
    private static void snapshot(Connection connection, String product) throws SQLException {
        if (product.toLowerCase(Locale.ROOT).contains("h2")) {
            // H2's REPEATABLE READ fixes each table when it is first read; SNAPSHOT fixes them all at once.
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SNAPSHOT");
            }
        } else {
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        }
        connection.setReadOnly(true);
    }

    private static List<String> storageIds(Connection connection) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT storage_id FROM repositories ORDER BY storage_id")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    static Path repositoryDir(Path dataDir, String storageId) {
        return dataDir.resolve("git").resolve("repos").resolve(storageId.substring(0, 2)).resolve(storageId + ".git");
    }

    static void requireEmpty(Path target) throws BackupException, IOException {
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new BackupException(target + " is a file; name a new or empty directory to back up to.");
        }
        if (Files.isDirectory(target)) {
            try (Stream<Path> entries = Files.list(target)) {
                if (entries.findAny().isPresent()) {
                    throw new BackupException(target + " is not empty; name a new or empty directory to back up to.");
                }
            }
        }
    }

    static String hubVersion() {
        String version = HubBackup.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
