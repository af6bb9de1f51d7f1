package dev.adapthub.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.adapthub.core.testsupport.PostgresTestDatabase;
import java.lang.reflect.Method;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit log's table is append-only: on PostgreSQL the database itself refuses UPDATE, DELETE
 * and TRUNCATE (migration V15's trigger), even for the hub's own user; on H2 the same migration runs
 * (without the trigger, which H2 cannot express in SQL) and the application is the guard: the
 * repository interface has no method that changes or removes an entry.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditMigrationTest {

    HikariDataSource postgres;
    HikariDataSource h2;

    @BeforeAll
    void migrate() {
        PostgresTestDatabase.Coordinates pg = PostgresTestDatabase.fresh();
        postgres = pool(pg.url(), pg.user(), pg.password());
        h2 = pool("jdbc:h2:mem:audit" + UUID.randomUUID().toString().substring(0, 8)
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(postgres).load().migrate();
        Flyway.configure().dataSource(h2).load().migrate();
    }

    @AfterAll
    void close() {
        postgres.close();
        h2.close();
    }

    @Test
    void postgresRefusesUpdateDeleteAndTruncateOfEntries() {
        JdbcTemplate jdbc = new JdbcTemplate(postgres);
        insert(jdbc, "push", "force_refused");

        assertThatThrownBy(() -> jdbc.update("update audit_log set actor = 'someone-else'"))
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_log"))
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("truncate audit_log"))
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
        assertThat(jdbc.queryForList("select actor from audit_log", String.class)).containsExactly("mallory");
    }

    @Test
    void theSameMigrationRunsOnH2AndAppends() {
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        insert(jdbc, "auth", "sign_in_failed");

        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'sign_in_failed'", Long.class))
                .isEqualTo(1L);
        assertThat(jdbc.queryForObject("select count(*) from webhooks", Long.class)).isZero();
    }

    @Test
    void theRepositoryCanOnlyAppend() {
        assertThat(Arrays.stream(AuditEntries.class.getMethods()).map(Method::getName))
                .containsExactly("save");
        assertThat(Arrays.stream(AuditEntry.class.getDeclaredMethods()).map(Method::getName))
                .noneMatch(name -> name.startsWith("set"));
        assertThat(AuditEntry.class.isAnnotationPresent(org.hibernate.annotations.Immutable.class)).isTrue();
    }

    private static void insert(JdbcTemplate jdbc, String category, String action) {
        jdbc.update("insert into audit_log (occurred_at, category, action, actor, ip, target) values (?, ?, ?, ?, ?, ?)",
                Timestamp.from(Instant.now()), category, action, "mallory", "127.0.0.1", "some/repo refs/heads/main");
    }

    private static HikariDataSource pool(String url, String user, String password) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setMaximumPoolSize(2);
        return pool;
    }
}
