package dev.adapthub.web.webhook;

import dev.adapthub.web.support.PostgresAndDataDir;
import dev.adapthub.web.support.TestAccounts;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The hub on PostgreSQL as {@code @HubWebTest} starts it, plus what webhook tests need: loopback
 * allowed as a webhook target (the receivers run in the test JVM) and a fast retry back-off. Every
 * class with this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hub.demo.enabled=false", "hub.admin.password=admin-password-for-tests",
                "hub.admin.token=test-admin-token-0123456789abcdefghijklmnop",
                "hub.webhook.allowed-ranges=127.0.0.0/8", "hub.webhook.backoff-base=150ms",
                "hub.webhook.max-attempts=4", "hub.webhook.timeout=3s", "db-scheduler.polling-interval=250ms"})
@ContextConfiguration(initializers = PostgresAndDataDir.class)
@Import(TestAccounts.class)
@AutoConfigureMockMvc
@interface HooksTest {
}
