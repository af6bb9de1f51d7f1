package dev.adapthub.core;

import dev.adapthub.core.testsupport.MutableClock;
import dev.adapthub.core.testsupport.PostgresTestDatabase;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The core features without the web layer, for the core's own integration tests. */
@SpringBootApplication
public class CoreTestApplication {

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock();
    }

    /** Called from each test class's {@code @DynamicPropertySource}. */
    public static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }
}
