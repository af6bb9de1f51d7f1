package dev.adapthub.core.popularity;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Counts downloads without slowing them: a download adds one to an in-memory counter (a
 * {@link LongAdder} per repository, config and UTC day), and a background thread writes the sums
 * every {@code hub.downloads.flush-interval} (2 s) as one upsert per key. The upsert is the portable
 * one: {@code UPDATE … SET downloads = downloads + n}, and an {@code INSERT} when no row was there
 * (H2 has no {@code ON CONFLICT}); an insert that meets a row another hub process inserted first
 * goes back to the update. Counts still in memory when a process dies are lost (at most one
 * interval's worth); a normal shutdown flushes them.
 * <p>
 * What counts as a download is the callers' rule (docs/operations.md): a {@code /resolve} of a
 * repository's top-level {@code config.json} (GET or HEAD, as the Hugging Face Hub counts), a fresh
 * clone, and each validated-config download. Requests whose User-Agent starts with {@link #PROBE_AGENT}
 * (the hub's own probes) are never counted.
 */
@Service
public class DownloadCounter {

    /** The User-Agent prefix of the hub's own requests to itself; they are not downloads. */
    public static final String PROBE_AGENT = "AdaptHub-Probe";

    private static final Logger log = LoggerFactory.getLogger(DownloadCounter.class);

    private record RepoDay(long repositoryId, LocalDate day) {
    }

    private record ConfigDay(long repositoryId, String path, LocalDate day) {
    }

    private final ConcurrentHashMap<RepoDay, LongAdder> repos = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<ConfigDay, LongAdder> configs = new ConcurrentHashMap<>();
    private final JdbcTemplate jdbc;
    private final Popularity popularity;
    private final Clock clock;
    private final boolean enabled;
    private final ScheduledExecutorService flusher;

    DownloadCounter(JdbcTemplate jdbc, Popularity popularity,
            @Value("${hub.downloads.count:true}") boolean enabled,
            @Value("${hub.downloads.flush-interval:2s}") java.time.Duration interval) {
        this.jdbc = jdbc;
        this.popularity = popularity;
        this.clock = Clock.systemUTC();
        this.enabled = enabled;
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "download-counter");
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(100, interval.toMillis());
        flusher.scheduleWithFixedDelay(this::flushQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** True when this User-Agent is one of the hub's own probes. */
    public static boolean isProbe(String userAgent) {
        return userAgent != null && userAgent.startsWith(PROBE_AGENT);
    }

    /** One download of a repository, unless {@code userAgent} is the hub's own probe. */
    public void repository(long repositoryId, String userAgent) {
        if (enabled && !isProbe(userAgent)) {
            repos.computeIfAbsent(new RepoDay(repositoryId, today()), k -> new LongAdder()).increment();
        }
    }

    /** One download of a validated config (it also counts as a download of its repository). */
    public void config(long repositoryId, String path, String userAgent) {
        if (enabled && !isProbe(userAgent)) {
            configs.computeIfAbsent(new ConfigDay(repositoryId, path, today()), k -> new LongAdder()).increment();
            repository(repositoryId, userAgent);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (DataAccessException e) {
            // The sums taken out are lost for this round; the next round writes new ones.
            log.warn("Could not write download counts: {}", e.getMessage());
        }
    }

    /** Writes what was counted so far (tests call it instead of waiting for the interval). */
    public synchronized void flush() {
        Set<Long> touched = new HashSet<>();
        for (Map.Entry<RepoDay, LongAdder> e : repos.entrySet()) {
            long n = take(repos, e.getKey());
            if (n > 0) {
                upsert("UPDATE repo_downloads SET downloads = downloads + ? WHERE repository_id = ? AND download_day = ?",
                        "INSERT INTO repo_downloads (downloads, repository_id, download_day) VALUES (?, ?, ?)",
                        n, e.getKey().repositoryId(), e.getKey().day());
                touched.add(e.getKey().repositoryId());
            }
        }
        for (Map.Entry<ConfigDay, LongAdder> e : configs.entrySet()) {
            long n = take(configs, e.getKey());
            if (n > 0) {
                ConfigDay k = e.getKey();
                upsert("UPDATE config_downloads SET downloads = downloads + ? WHERE repository_id = ? AND path = ?"
                                + " AND download_day = ?",
                        "INSERT INTO config_downloads (downloads, repository_id, path, download_day) VALUES (?, ?, ?, ?)",
                        n, k.repositoryId(), k.path(), k.day());
            }
        }
        if (!touched.isEmpty()) {
            popularity.refresh(touched);
        }
    }

    /** Removes a key and returns its sum; increments that race with the removal land in a new adder. */
    private static <K> long take(ConcurrentHashMap<K, LongAdder> map, K key) {
        LongAdder adder = map.remove(key);
        return adder == null ? 0 : adder.sum();
    }

    private void upsert(String update, String insert, long n, Object... key) {
        Object[] args = new Object[key.length + 1];
        args[0] = n;
        System.arraycopy(key, 0, args, 1, key.length);
        for (int attempt = 0; attempt < 3; attempt++) {
            if (jdbc.update(update, args) > 0) {
                return;
            }
            try {
                jdbc.update(insert, args);
                return;
            } catch (DuplicateKeyException raced) {
                // Another process inserted the row between our update and insert: update it.
            } catch (org.springframework.dao.DataIntegrityViolationException gone) {
                // The repository was deleted meanwhile: its downloads go with it.
                return;
            }
        }
    }

    @PreDestroy
    void close() {
        flusher.shutdown();
        flushQuietly();
    }
}
