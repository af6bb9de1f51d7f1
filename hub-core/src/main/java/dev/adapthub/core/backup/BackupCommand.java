package dev.adapthub.core.backup;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;

/**
 * The {@code backup} and {@code restore} subcommands of the hub jar:
 * <pre>
 * java -jar adapthub.jar backup --to DIR
 * java -jar adapthub.jar restore --from DIR
 * </pre>
 * They read the hub's own environment ({@code HUB_DATA_DIR}, {@code HUB_DB_URL},
 * {@code HUB_DB_USER}, {@code HUB_DB_PASSWORD}, same defaults) and start no web server. Exit
 * status 0 when done, 2 for bad input (nothing changed), 1 for any other failure.
 */
public final class BackupCommand {

    private BackupCommand() {
    }

    /** Whether {@code args} name one of these subcommands. */
    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
    }

    /** Runs the subcommand; returns the exit status. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        String usage = "usage: java -jar adapthub.jar backup --to DIR | restore --from DIR";
        String option = args[0].equals("backup") ? "--to" : "--from";
        if (args.length != 3 || !args[1].equals(option) || args[2].isBlank()) {
            err.println(usage);
            return 2;
        }
        Path dir = Path.of(args[2]).toAbsolutePath().normalize();
        Path dataDir = Path.of(env.getOrDefault("HUB_DATA_DIR", "./data")).toAbsolutePath().normalize();
        HubRestore.Database database = database(env, dataDir);
        try {
            if (args[0].equals("backup")) {
                HubBackup.Result result;
                try (Connection connection = connect(database)) {
                    result = new HubBackup(dataDir, Clock.systemUTC()).write(connection, dir);
                    BackupHistory.record(connection, result, "command");
                }
                out.printf("Backed up %d repositories (%d bytes, snapshot at %s) to %s in %.1f s%n",
                        result.repositories(), result.bytes(), result.snapshotAt(), dir,
                        result.took().toMillis() / 1000.0);
            } else {
                HubRestore.Result result = new HubRestore(dataDir).restore(dir, database);
                out.printf("Restored %d repositories and %d rows from %s into %s in %.1f s%n", result.repositories(),
                        result.rows(), dir, dataDir, result.took().toMillis() / 1000.0);
            }
            return 0;
        } catch (BackupException e) {
            err.println(args[0] + " failed: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println(args[0] + " failed: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    static HubRestore.Database database(Map<String, String> env, Path dataDir) {
        String url = env.get("HUB_DB_URL");
        if (url == null || url.isBlank()) {
            url = "jdbc:h2:file:" + dataDir.resolve("db").resolve("adapthub")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        }
        return new HubRestore.Database(url, env.getOrDefault("HUB_DB_USER", "sa"), env.getOrDefault("HUB_DB_PASSWORD", ""));
    }

    private static Connection connect(HubRestore.Database database) throws BackupException {
        try {
            return DriverManager.getConnection(database.url(), database.user(), database.password());
        } catch (SQLException e) {
            if (database.url().startsWith("jdbc:h2:") && String.valueOf(e.getMessage()).contains("lock")) {
                throw new BackupException("The embedded H2 database is in use by a running hub. Stop the hub first,"
                        + " or let the hub back itself up (HUB_BACKUP_DIR), which works while it runs.", e);
            }
            throw new BackupException("Could not connect to the database " + database.url() + ": " + e.getMessage(), e);
        }
    }
}
