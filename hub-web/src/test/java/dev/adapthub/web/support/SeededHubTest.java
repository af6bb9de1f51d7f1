package dev.adapthub.web.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * Like {@link HubWebTest}, but the hub seeds its demo content on start, as a newcomer's hub does
 * (repositories, adaptation configs, their validations). Test classes with this annotation share
 * one application context, on a database of its own ({@link SeededPostgresAndDataDir}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hub.demo.enabled=true", "hub.admin.password=" + HubWebTest.ADMIN_PASSWORD,
                "hub.admin.token=" + HubWebTest.ADMIN_TOKEN,
                // a second context in the test JVM: keep its share of the shared test server's connections small
                "spring.datasource.hikari.maximum-pool-size=6"})
@ContextConfiguration(initializers = SeededPostgresAndDataDir.class)
@Import(TestAccounts.class)
@AutoConfigureMockMvc
public @interface SeededHubTest {
}
