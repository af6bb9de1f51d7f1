package dev.adapthub.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.adapthub.core.testsupport.PostgresTestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What hub processes share through the database, with two instances on two connection pools
 * playing two processes, on PostgreSQL and on H2 (V11 migrates on both): a cache generation one
 * moves is seen by the other at its next poll, never for a rolled-back change; a signing key is
 * generated once even when both ask at the same moment, or taken from configuration.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterStateTest {

    private final List<HikariDataSource> pools = new ArrayList<>();
    private final Map<String, List<DataSource>> processes = new java.util.HashMap<>();

    @BeforeAll
    void databases() {
        PostgresTestDatabase.Coordinates pg = PostgresTestDatabase.get();
        String h2 = "jdbc:h2:mem:cluster" + UUID.randomUUID().toString().substring(0, 8)
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        processes.put("postgresql", List.of(pool(pg.url(), pg.user(), pg.password()), pool(pg.url(), pg.user(),
                pg.password())));
        processes.put("h2", List.of(pool(h2, "sa", ""), pool(h2, "sa", "")));
        processes.values().forEach(pair -> Flyway.configure().dataSource(pair.get(0)).load().migrate());
    }

    @AfterAll
    void close() {
        pools.forEach(HikariDataSource::close);
    }

    private HikariDataSource pool(String url, String user, String password) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setMaximumPoolSize(4);
        pools.add(pool);
        return pool;
    }

    private static ClusterGenerations generations(DataSource db) {
        // Not started: the test polls by hand, so nothing depends on timing.
        return new ClusterGenerations(new JdbcTemplate(db), new DataSourceTransactionManager(db), Duration.ofHours(1));
    }

    private static ClusterSecrets secrets(DataSource db, Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return new ClusterSecrets(new JdbcTemplate(db), environment, Clock.systemUTC(),
                new DataSourceTransactionManager(db));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void aChangeInOneProcessReachesTheOtherAtItsNextPollAndARollbackReachesNone(String database) {
        DataSource dbA = processes.get(database).get(0);
        ClusterGenerations a = generations(dbA);
        ClusterGenerations b = generations(processes.get(database).get(1));
        String topic = "test-" + UUID.randomUUID();
        a.poll();
        b.poll();
        assertThat(a.current(topic)).isZero();

        a.changed(topic);
        long afterFirst = a.current(topic);
        assertThat(afterFirst).as("the changing process sees its change at once").isPositive();
        assertThat(b.current(topic)).as("the other, before it polls").isZero();
        b.poll();
        assertThat(b.current(topic)).isEqualTo(afterFirst);

        // Inside a transaction the number moves only once it commits; a rollback moves nothing.
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dbA));
        tx.executeWithoutResult(status -> {
            a.changed(topic);
            assertThat(a.current(topic)).as("before the commit").isEqualTo(afterFirst);
        });
        assertThat(a.current(topic)).as("after the commit").isGreaterThan(afterFirst);
        long committed = a.current(topic);
        tx.executeWithoutResult(status -> {
            a.changed(topic);
            status.setRollbackOnly();
        });
        b.poll();
        assertThat(a.current(topic)).isEqualTo(committed);
        assertThat(b.current(topic)).isEqualTo(committed);

        // Both change at once: neither change is lost, and both end on the same number.
        b.changed(topic);
        a.changed(topic);
        a.poll();
        b.poll();
        assertThat(a.current(topic)).isEqualTo(b.current(topic)).isEqualTo(committed + 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void aKeyIsGeneratedOnceForEveryProcessEvenWhenTheyAskTogether(String database) throws Exception {
        String name = "test-" + UUID.randomUUID().toString().substring(0, 8);
        List<ClusterSecrets> both = processes.get(database).stream().map(db -> secrets(db, Map.of())).toList();
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<byte[]>> keys = new ArrayList<>();
        for (ClusterSecrets secrets : both) {
            keys.add(threads.submit((Callable<byte[]>) () -> {
                together.await();
                return secrets.key(name);
            }));
        }
        byte[] first = keys.get(0).get();
        byte[] second = keys.get(1).get();
        threads.shutdown();
        assertThat(first).hasSize(32).isEqualTo(second);
        assertThat(secrets(processes.get(database).get(0), Map.of()).key(name)).as("after a restart").isEqualTo(first);
        assertThat(secrets(processes.get(database).get(0), Map.of()).key(name + "-other")).isNotEqualTo(first);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void aConfiguredKeyWinsAndAShortOneIsRefused(String database) {
        DataSource db = processes.get(database).get(0);
        String configured = "a-configured-secret-of-forty-characters!";
        assertThat(secrets(db, Map.of("hub.secret.test-configured", configured)).key("test-configured"))
                .isEqualTo(configured.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> secrets(db, Map.of("hub.secret.test-short", "too-short")).key("test-short"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HUB_SECRET_TEST_SHORT").hasMessageContaining("at least 32 characters");
        assertThatThrownBy(() -> secrets(db, Map.of()).key("Not A Name")).isInstanceOf(IllegalArgumentException.class);
    }
}
