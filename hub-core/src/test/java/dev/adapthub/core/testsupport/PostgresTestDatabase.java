package dev.adapthub.core.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A fresh PostgreSQL database for this test JVM, dropped when it exits.
 *
 * <p>Testcontainers when a Docker daemon answers; otherwise the local server on
 * 127.0.0.1:5432 (trust auth, user {@code postgres}), or {@code HUB_TEST_PG_URL}. With
 * {@code CI=true}, no database is a failure; elsewhere the test is skipped and says why.
 */
public final class PostgresTestDatabase {

    private static final String LOCAL_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static volatile Coordinates coordinates;
    private static volatile String unavailable;

    /** Where a test database lives. */
    public record Coordinates(String url, String user, String password) {
    }

    private PostgresTestDatabase() {
    }

    /** Points Spring's datasource at the test database. */
    public static void register(DynamicPropertyRegistry registry) {
        Coordinates db = get();
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
    }

    /** The database, created on first use; skips (or, in CI, fails) the test when there is none. */
    public static synchronized Coordinates get() {
        if (coordinates == null && unavailable == null) {
            try {
                coordinates = create();
            } catch (RuntimeException | SQLException e) {
                unavailable = e.toString();
            }
        }
        if (coordinates == null) {
            String why = "No PostgreSQL for tests: no Docker daemon, and the local server at 127.0.0.1:5432 did"
                    + " not answer (" + unavailable + "). Start it: pg_ctlcluster --skip-systemctl-redirect"
                    + " $(ls /etc/postgresql) main start";
            TestRequirements.unavailable(why);
        }
        return coordinates;
    }

    /**
     * Another fresh database on the same server, dropped when this JVM exits: for a test that runs
     * a hub process of its own and must not share the test contexts' database.
     */
    public static Coordinates fresh() {
        Coordinates shared = get();
        // Created and dropped from the server's maintenance database, which outlives the shared one.
        Coordinates server = new Coordinates(withDatabase(shared.url(), "postgres"), shared.user(), shared.password());
        String name = uniqueName();
        try {
            execute(server.url(), server.user(), server.password(), "CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create a second test database " + name + ": " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(server, name), "drop-test-database"));
        return new Coordinates(withDatabase(shared.url(), name), shared.user(), shared.password());
    }

    private static Coordinates create() throws SQLException {
        // TOOLCHAIN.md gotcha 6: ask about Docker before anything else touches Testcontainers.
        if (System.getenv("HUB_TEST_PG_URL") == null && DockerClientFactory.instance().isDockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-test-postgres"));
            return new Coordinates(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        String adminUrl = System.getenv().getOrDefault("HUB_TEST_PG_URL", LOCAL_ADMIN_URL);
        Coordinates admin = new Coordinates(adminUrl, "postgres", "");
        String name = uniqueName();
        execute(adminUrl, admin.user(), admin.password(), "CREATE DATABASE " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(admin, name), "drop-test-database"));
        return new Coordinates(withDatabase(adminUrl, name), admin.user(), admin.password());
    }

    private static String uniqueName() {
        return "adapthub_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** The JDBC URL of database {@code name} on the server of {@code url} (keeping its parameters). */
    private static String withDatabase(String url, String name) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        return base.substring(0, base.lastIndexOf('/') + 1) + name + (query < 0 ? "" : url.substring(query));
    }

    private static void drop(Coordinates server, String name) {
        try {
            execute(server.url(), server.user(), server.password(), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + name + ": " + e.getMessage());
        }
    }

    private static void execute(String url, String user, String password, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
