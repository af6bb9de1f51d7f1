package dev.adapthub.core.cluster;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cluster-wide generation numbers for in-memory caches: one counter per topic in the
 * {@code cluster_generation} table. A process that changes what a cache is computed from calls
 * {@link #changed}; every process reads all counters every {@code hub.cluster.poll-interval}
 * (500 ms) in the background, so {@link #current} costs a map lookup and a cache learns of another
 * process's change within one interval. A cache keeps what it computed together with the
 * generation it read <em>before</em> computing, and recomputes when {@link #current} differs.
 *
 * <p>Why that is safe: the counter moves only after the change has committed. A reader that sees
 * the new number therefore reads the new data; a reader that computed from new data under the old
 * number merely computes once more. Numbers only grow ({@code max} of what was seen), so a late
 * poll never takes a cache back.
 *
 * <p>Polling rather than PostgreSQL's LISTEN/NOTIFY: it works the same on H2 and PostgreSQL, needs
 * no dedicated connection, survives a database restart without re-subscribing, and one query of
 * a few rows twice a second is noise next to the hub's other traffic.
 */
@Service
public class ClusterGenerations implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClusterGenerations.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Duration interval;
    private final Map<String, Long> known = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService poller;
    private volatile boolean failing;

    ClusterGenerations(JdbcTemplate jdbc, PlatformTransactionManager transactions,
            @Value("${hub.cluster.poll-interval:500ms}") Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("hub.cluster.poll-interval must be positive, not " + interval);
        }
        this.jdbc = jdbc;
        // Its own short transaction, even when called from another one's completion.
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.interval = interval;
    }

    /** The generation of {@code topic} as this process knows it (0 before any change). */
    public long current(String topic) {
        return known.getOrDefault(topic, 0L);
    }

    /**
     * Records that {@code topic}'s data changed: after the current transaction commits (nothing
     * when it rolls back), or at once outside a transaction. This process sees the new number
     * immediately; the stored one moves on the poller's thread, and the others see it at their next
     * poll after that.
     */
    public void changed(String topic) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    increment(topic);
                }
            });
        } else {
            increment(topic);
        }
    }

    private void increment(String topic) {
        // This process moves its own number first: the change is already visible to its readers, and
        // until the database round trip below returns, a reader would still find the old number and
        // keep serving what it cached from before the change (RunPanelCacheTest met that window).
        known.merge(topic, 1L, Long::sum);
        // The stored number is moved by the poller's thread, not here: this runs after a commit, on a
        // thread that still holds its pool connection, and taking a second one from the same pool
        // deadlocked the pool once every connection was held by a thread waiting for another
        // (CrashSoakTest: 10 active, 15 waiting, pushes lost their pull request heads). The others
        // learn of the change a few milliseconds later than before; a process killed in those
        // milliseconds leaves them to their caches' maximum age, as a failed update always did.
        ScheduledExecutorService executor = poller;
        if (executor != null) {
            try {
                executor.execute(() -> store(topic));
                return;
            } catch (RejectedExecutionException stopping) {
                // Stopping: store it on this thread, as before start.
            }
        }
        store(topic);
    }

    /** Moves the stored number of {@code topic} in a transaction of its own. */
    private void store(String topic) {
        Long stored;
        try {
            stored = ownTransaction.execute(status -> {
                if (jdbc.update("UPDATE cluster_generation SET generation = generation + 1 WHERE name = ?", topic) == 0) {
                    try {
                        jdbc.update("INSERT INTO cluster_generation (name, generation) VALUES (?, 1)", topic);
                    } catch (DuplicateKeyException raced) {
                        jdbc.update("UPDATE cluster_generation SET generation = generation + 1 WHERE name = ?", topic);
                    }
                }
                return jdbc.queryForObject("SELECT generation FROM cluster_generation WHERE name = ?", Long.class,
                        topic);
            });
        } catch (DataAccessException e) {
            // This process still drops its own copies; the others notice at their caches' maximum age.
            log.warn("Could not count a change of {} for the other hub processes: {}", topic, e.toString());
            return;
        }
        // Above anything this process polled: the update counted from the stored number, which is at
        // least every number ever read from it. The stored number then only ever raises this process's
        // own (max), so the numbering stays the database's.
        known.merge(topic, stored, Math::max);
    }

    /** Reads every counter once; what the poller does every interval. */
    void poll() {
        try {
            jdbc.query("SELECT name, generation FROM cluster_generation", rs -> {
                known.merge(rs.getString(1), rs.getLong(2), Math::max);
            });
            if (failing) {
                failing = false;
                log.info("Reading the cache generations works again.");
            }
        } catch (DataAccessException e) {
            if (!failing) {
                failing = true;
                log.warn("Could not read the cache generations (other hub processes' changes show late): {}",
                        e.toString());
            }
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "cluster-generations");
            thread.setDaemon(true);
            return thread;
        });
        poll();
        executor.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        poller = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = poller;
        poller = null;
        if (executor != null) {
            // Changes already queued are still stored; the periodic poll is not run again.
            executor.shutdown();
            try {
                if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }
}
