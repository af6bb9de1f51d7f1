package dev.adapthub.web.security;

import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts {@link SessionAccessWrites} between the session filter and Boot's JDBC session store, gives
 * that store {@link DeserializedAttributes} to turn stored bytes into values, and has it run its
 * statements in plain JDBC transactions.
 *
 * <p>A post-processor rather than a {@code SessionRepository} bean of our own: Boot's session
 * auto-configuration backs off as soon as one exists, and the store's table, serialization, idle
 * timeout and clean-up job would then all have to be configured here by hand.
 */
@Configuration(proxyBeanMethods = false)
class SessionAccessConfiguration {

    static final String INTERVAL = "hub.session.access-write-interval";
    static final String IDLE_TIMEOUT = "spring.session.timeout";

    @Bean
    static BeanPostProcessor sessionAccessWrites(Environment environment) {
        Binder binder = Binder.get(environment);
        Duration interval = binder.bind(INTERVAL, Duration.class).orElse(Duration.ofMinutes(1));
        if (interval.isNegative()) {
            throw new IllegalArgumentException(INTERVAL + " must be 0 (write every access) or a duration such as"
                    + " 60s, not " + interval);
        }
        Duration idleTimeout = binder.bind(IDLE_TIMEOUT, Duration.class).orElse(Duration.ofMinutes(30));
        DeserializedAttributes attributes = new DeserializedAttributes(
                SessionAccessConfiguration.class.getClassLoader(), idleTimeout);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof JdbcIndexedSessionRepository jdbc) {
                    jdbc.setConversionService(attributes.conversions());
                }
                return bean;
            }

            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof FindByIndexNameSessionRepository<?> store) || bean instanceof SessionAccessWrites) {
                    return bean;
                }
                return new SessionAccessWrites(store, interval, attributes);
            }
        };
    }

    /**
     * The transactions the session store runs its statements in: on the connection alone. Without
     * this bean it would use the application's JPA transaction manager, which opens an entity manager
     * for every session read; that was 8% of a signed-in page's time (issue #15's profile), and the
     * store never touches an entity. Not a default candidate, so that nothing else is given it in
     * place of Boot's own transaction template.
     */
    @Bean(name = "springSessionTransactionOperations", defaultCandidate = false)
    static TransactionOperations springSessionTransactionOperations(DataSource dataSource) {
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        // As the store's own default: its statements commit on their own, whatever the caller runs in.
        transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return transactions;
    }
}
