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
            url = SiblingDatabases.create(db, "seeded");
        }
        return url;
    }
}
