package dev.adapthub.web.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A fresh temporary data directory and nothing else: the hub's default datasource, the embedded H2
 * file database under it, as a newcomer runs the hub.
 */
public class H2AndDataDir implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        try {
            String dataDir = Files.createTempDirectory("adapthub-h2-test").toString();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-h2",
                    Map.of("hub.data-dir", dataDir)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
