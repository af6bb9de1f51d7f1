package dev.adapthub.core.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.adapthub.core.testsupport.MutableClock;
import dev.adapthub.core.testsupport.PostgresTestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The counter as several hub processes share it: two {@link Throttle} instances, each with its own
 * connection pool (as two processes have), count the same keys from many threads at once, on
 * PostgreSQL (production) and on H2 (the embedded default); no attempt may be lost or counted twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThrottleTest {

    static final RateLimit FIVE = new RateLimit("test-five", 5, Duration.ofMinutes(15));
    static final int THREADS_PER_PROCESS = 4;

    final List<HikariDataSource> pools = new ArrayList<>();
    DataSource postgresA;
    DataSource postgresB;
    DataSource h2A;
    DataSource h2B;

    @BeforeAll
    void databases() {
        PostgresTestDatabase.Coordinates pg = PostgresTestDatabase.get();
        postgresA = pool(pg.url(), pg.user(), pg.password());
        postgresB = pool(pg.url(), pg.user(), pg.password());
        String h2 = "jdbc:h2:mem:throttle" + UUID.randomUUID().toString().substring(0, 8)
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        h2A = pool(h2, "sa", "");
        h2B = pool(h2, "sa", "");
        Flyway.configure().dataSource(postgresA).load().migrate();
        Flyway.configure().dataSource(h2A).load().migrate();
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
        pool.setMaximumPoolSize(THREADS_PER_PROCESS);
        pools.add(pool);
        return pool;
    }

    private List<DataSource> processes(String database) {
        return database.equals("postgresql") ? List.of(postgresA, postgresB) : List.of(h2A, h2B);
    }

    /** Every thread of both "processes" counts {@code perThread} attempts at {@code key}, all starting together. */
    private List<Verdict> countTogether(String database, Clock clock, String key, int perThread) throws Exception {
        List<Throttle> throttles = processes(database).stream().map(ds -> new Throttle(ds, clock)).toList();
        int threads = throttles.size() * THREADS_PER_PROCESS;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Verdict>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Throttle throttle = throttles.get(t % throttles.size());
                Callable<List<Verdict>> task = () -> {
                    start.await();
                    List<Verdict> verdicts = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        verdicts.add(throttle.count(FIVE, key));
                    }
                    return verdicts;
                };
                futures.add(pool.submit(task));
            }
            List<Verdict> all = new ArrayList<>();
            for (Future<List<Verdict>> f : futures) {
                all.addAll(f.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"postgresql", "h2"})
    void twoProcessesCountingOneKeyAtOnceGiveEveryAttemptItsOwnNumber(String database) throws Exception {
        String key = "victim-" + UUID.randomUUID();

        List<Verdict> verdicts = countTogether(database, Clock.systemUTC(), key, 10);

        int total = 2 * THREADS_PER_PROCESS * 10;
        assertThat(verdicts.stream().map(Verdict::attempt).sorted().toList())
                .isEqualTo(IntStream.rangeClosed(1, total).boxed().toList());
        assertThat(verdicts.stream().filter(Verdict::allowed).count()).isEqualTo(FIVE.max());
        assertThat(new Throttle(processes(database).get(1), Clock.systemUTC()).attempts(FIVE, key)).isEqualTo(total);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"postgresql", "h2"})
    void theFirstAttemptsOfAWindowRaceForTheInsertAndNoneIsLost(String database) throws Exception {
        for (int round = 0; round < 15; round++) {
            String key = "fresh-" + UUID.randomUUID();

            List<Verdict> verdicts = countTogether(database, Clock.systemUTC(), key, 1);

            assertThat(verdicts.stream().map(Verdict::attempt).sorted().toList())
                    .as("round %d", round).isEqualTo(IntStream.rangeClosed(1, 2 * THREADS_PER_PROCESS).boxed().toList());
        }
    }

    @Test
    void pastTheLimitTheVerdictSaysWhenTheWindowEndsAndANewWindowStartsAtOne() {
        MutableClock clock = new MutableClock();
        Throttle throttle = new Throttle(postgresA, clock);
        String key = "window-" + UUID.randomUUID();
        for (int i = 1; i <= FIVE.max(); i++) {
            assertThat(throttle.count(FIVE, key)).isEqualTo(new Verdict(i, 0));
        }
        long now = clock.instant().getEpochSecond();
        long windowEnd = now - Math.floorMod(now, FIVE.window().toSeconds()) + FIVE.window().toSeconds();

        Verdict sixth = throttle.count(FIVE, key);

        assertThat(sixth.allowed()).isFalse();
        assertThat(sixth.retryAfterSeconds()).isEqualTo(windowEnd - now).isPositive();
        clock.advance(FIVE.window());
        assertThat(throttle.count(FIVE, key)).isEqualTo(new Verdict(1, 0));
    }

    @Test
    void resetAndRefundTakeAttemptsBack() {
        Throttle throttle = new Throttle(postgresA, Clock.systemUTC());
        String key = "reset-" + UUID.randomUUID();
        throttle.count(FIVE, key);
        throttle.count(FIVE, key);

        throttle.refund(FIVE, key);
        assertThat(throttle.attempts(FIVE, key)).isEqualTo(1);
        throttle.reset(FIVE, key);
        assertThat(throttle.attempts(FIVE, key)).isZero();
        assertThat(throttle.count(FIVE, key).attempt()).isEqualTo(1);
    }

    @Test
    void rowsOfEndedWindowsAreDeletedSoTheTableStaysSmall() {
        MutableClock clock = new MutableClock();
        JdbcTemplate jdbc = new JdbcTemplate(h2A);
        Throttle throttle = new Throttle(h2A, clock);
        for (int i = 0; i < 50; i++) {
            throttle.count(FIVE, "made-up-name-" + i);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM throttle_counters WHERE bucket LIKE 'test-five:made-up-name-%'",
                Integer.class)).isEqualTo(50);

        clock.advance(FIVE.window().plusMinutes(1));
        throttle.count(FIVE, "someone-else");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM throttle_counters WHERE bucket LIKE 'test-five:made-up-name-%'",
                Integer.class)).isZero();
    }

    @Test
    void aHugeOrControlCharacterKeyIsCountedUnderItsHash() {
        Throttle throttle = new Throttle(postgresA, Clock.systemUTC());
        String huge = "x".repeat(100_000) + UUID.randomUUID();
        String nul = "nul\u0000" + UUID.randomUUID();

        throttle.count(FIVE, huge);
        throttle.count(FIVE, nul);

        assertThat(throttle.count(FIVE, huge).attempt()).isEqualTo(2);
        assertThat(throttle.count(FIVE, nul).attempt()).isEqualTo(2);
        assertThat(Throttle.bucket(FIVE, huge)).hasSizeLessThan(200).startsWith("test-five:sha256:");
    }
}
