package dev.adapthub.web.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole hub on a random port against a fresh PostgreSQL database and a temporary data
 * directory. Every test class with this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hub.demo.enabled=false", "hub.admin.password=admin-password-for-tests",
                "hub.admin.token=test-admin-token-0123456789abcdefghijklmnop"})
@ContextConfiguration(initializers = PostgresAndDataDir.class)
@org.springframework.context.annotation.Import(TestAccounts.class)
@AutoConfigureMockMvc
public @interface HubWebTest {

    String ADMIN_PASSWORD = "admin-password-for-tests";
    String ADMIN_TOKEN = "test-admin-token-0123456789abcdefghijklmnop";
}
