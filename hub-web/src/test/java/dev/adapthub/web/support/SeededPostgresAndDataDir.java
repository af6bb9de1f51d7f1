package dev.adapthub.web.support;

import dev.adapthub.core.testsupport.PostgresTestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A database of its own, next to the JVM's test database on the same server, and a fresh data
 * directory for {@link SeededHubTest}. Its own database, because the seeded hub indexes every
 * repository it finds, and the Git data of {@link HubWebTest}'s repositories lives in that
 * context's data directory; its background jobs would otherwise meet them too.
 */
public class SeededPostgresAndDataDir implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static String url;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        PostgresTestDatabase.Coordinates db = PostgresTestDatabase.get();
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("adapthub-seeded-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("seeded-postgres", Map.of(
                "spring.datasource.url", database(db),
                "spring.datasource.username", db.user(),
                "spring.datasource.password", db.password(),
                "hub.data-dir", dataDir.toString())));
    }

    private static synchronized String database(PostgresTestDatabase.Coordinates db) {
        if (url == null) {
            String base = db.url();
            int slash = base.lastIndexOf('/');
            int query = base.indexOf('?', slash);
            String name = (query < 0 ? base.substring(slash + 1) : base.substring(slash + 1, query)) + "_seeded";
            execute(db, "CREATE DATABASE " + name);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    execute(db, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                } catch (IllegalStateException e) {
                    System.err.println(e.getMessage());
                }
            }, "drop-seeded-test-database"));
            url = base.substring(0, slash + 1) + name + (query < 0 ? "" : base.substring(query));
        }
        return url;
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
