package dev.adapthub.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/** A test of the core services against a real PostgreSQL database (one context for all such tests). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = CoreTestApplication.class, properties = {"hub.demo.enabled=false", "hub.data-dir=target/test-data",
        "db-scheduler.immediate-execution-enabled=true", "db-scheduler.polling-interval=1s"})
public @interface CoreIntegrationTest {
}
