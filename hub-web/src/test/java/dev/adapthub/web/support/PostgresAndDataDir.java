package dev.adapthub.web.support;

import dev.adapthub.core.testsupport.PostgresTestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the hub at a PostgreSQL database and a fresh temporary data directory: the first context of the
 * JVM takes the test database, each later one (another set of properties, as {@code @HooksTest} or a test
 * with its own {@code @DynamicPropertySource}) a database of its own ({@link SiblingDatabases} says why).
 */
public class PostgresAndDataDir implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final java.util.concurrent.atomic.AtomicInteger CONTEXTS = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        PostgresTestDatabase.Coordinates db = PostgresTestDatabase.get();
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("adapthub-test-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-postgres", Map.of(
                "spring.datasource.url", url(db),
                "spring.datasource.username", db.user(),
                "spring.datasource.password", db.password(),
                "hub.data-dir", dataDir.toString())));
    }

    private static String url(PostgresTestDatabase.Coordinates db) {
        int n = CONTEXTS.getAndIncrement();
        return n == 0 ? db.url() : SiblingDatabases.create(db, "ctx" + n);
    }
}
