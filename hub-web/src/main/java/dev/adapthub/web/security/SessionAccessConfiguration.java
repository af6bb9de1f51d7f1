package dev.adapthub.web.security;

import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.FindByIndexNameSessionRepository;

/**
 * Puts {@link SessionAccessWrites} between the session filter and Boot's JDBC session store.
 *
 * <p>A post-processor rather than a {@code SessionRepository} bean of our own: Boot's session
 * auto-configuration backs off as soon as one exists, and the store's table, serialization, idle
 * timeout and clean-up job would then all have to be configured here by hand.
 */
@Configuration(proxyBeanMethods = false)
class SessionAccessConfiguration {

    static final String INTERVAL = "hub.session.access-write-interval";

    @Bean
    static BeanPostProcessor sessionAccessWrites(Environment environment) {
        Duration interval = Binder.get(environment).bind(INTERVAL, Duration.class).orElse(Duration.ofMinutes(1));
        if (interval.isNegative()) {
            throw new IllegalArgumentException(INTERVAL + " must be 0 (write every access) or a duration such as"
                    + " 60s, not " + interval);
        }
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (interval.isZero() || !(bean instanceof FindByIndexNameSessionRepository<?> store)
                        || bean instanceof SessionAccessWrites) {
                    return bean;
                }
                return new SessionAccessWrites(store, interval);
            }
        };
    }
}
