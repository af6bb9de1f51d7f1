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
 * Like {@link HubWebTest}, but on the default datasource: the embedded H2 database in a temporary
 * data directory ({@link H2AndDataDir}), without demo content. For features whose SQL must hold on
 * both databases; classes with this annotation share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hub.demo.enabled=false", "hub.admin.password=" + HubWebTest.ADMIN_PASSWORD,
                "hub.admin.token=" + HubWebTest.ADMIN_TOKEN})
@ContextConfiguration(initializers = H2AndDataDir.class)
@Import(TestAccounts.class)
@AutoConfigureMockMvc
public @interface H2HubTest {
}
