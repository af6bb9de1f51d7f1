package dev.adapthub.web.support;

import dev.adapthub.core.testsupport.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Databases next to the JVM's test database on the same server, created on demand and dropped when the
 * JVM ends. Every Spring context of the suite needs a database of its own: each runs db-scheduler, which
 * picks up any job in its database, and a job scheduled by one context names repositories that exist only
 * in that context's data directory.
 */
final class SiblingDatabases {

    private SiblingDatabases() {
    }

    /** Creates {@code <test database>_<suffix>} and answers its JDBC URL. */
    static String create(PostgresTestDatabase.Coordinates db, String suffix) {
        String base = db.url();
        int slash = base.lastIndexOf('/');
        int query = base.indexOf('?', slash);
        String name = (query < 0 ? base.substring(slash + 1) : base.substring(slash + 1, query)) + "_" + suffix;
        execute(db, "CREATE DATABASE " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                execute(db, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (IllegalStateException e) {
                System.err.println(e.getMessage());
            }
        }, "drop-" + name));
        return base.substring(0, slash + 1) + name + (query < 0 ? "" : base.substring(query));
    }

    private static void execute(PostgresTestDatabase.Coordinates db, String sql) {
        try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + sql + "' on the test server: " + e.getMessage(), e);
        }
    }
}
