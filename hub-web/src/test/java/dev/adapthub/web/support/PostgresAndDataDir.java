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

/** Points the hub at the test PostgreSQL database and a fresh temporary data directory. */
public class PostgresAndDataDir implements ApplicationContextInitializer<ConfigurableApplicationContext> {

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
                "spring.datasource.url", db.url(),
                "spring.datasource.username", db.user(),
                "spring.datasource.password", db.password(),
                "hub.data-dir", dataDir.toString())));
    }
}
