package dev.adapthub.core.cluster;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Values read from database rows, kept in memory until a write of those rows moves one of the
 * {@link ClusterGenerations} topics that cover them, in this process or another one. A value is
 * kept together with the generation read <em>before</em> reading it, so a write that commits during
 * the read moves the counter past it and the next lookup reads again.
 *
 * <p>Inside a transaction the database is always read: the caller may change what it gets, so it
 * gets its own managed entities, and the kept values, detached and shared, are only ever read.
 *
 * @param <K> what names a value completely (a record of the query)
 * @param <V> the value, immutable or treated as such
 */
public final class RowsKept<K, V> {

    private record Kept<V>(long generation, V value) {
    }

    private final ClusterGenerations generations;
    private final List<String> topics;
    private final Cache<K, Kept<V>> cache;

    private RowsKept(ClusterGenerations generations, List<String> topics, Cache<K, Kept<V>> cache) {
        this.generations = generations;
        this.topics = topics;
        this.cache = cache;
    }

    /** At most {@code entries} values, each read again after any of {@code topics} moved. */
    public static <K, V> RowsKept<K, V> entries(ClusterGenerations generations, long entries, String... topics) {
        return new RowsKept<>(generations, List.of(topics), Caffeine.newBuilder().maximumSize(entries).build());
    }

    /** Values of at most {@code rows} rows in all, each value weighing 1 plus {@code rowsOf} it. */
    public static <K, V> RowsKept<K, V> rows(ClusterGenerations generations, String topic, long rows,
            ToIntFunction<V> rowsOf) {
        return new RowsKept<>(generations, List.of(topic), Caffeine.newBuilder().maximumWeight(rows)
                .weigher((K key, Kept<V> kept) -> 1 + rowsOf.applyAsInt(kept.value())).build());
    }

    /** The value kept for {@code key}, or what {@code read} reads now (and is kept). */
    public V get(K key, Supplier<V> read) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return read.get();
        }
        long generation = generation();
        Kept<V> found = cache.getIfPresent(key);
        if (found != null && found.generation() == generation) {
            return found.value();
        }
        V value = read.get();
        cache.put(key, new Kept<>(generation, value));
        return value;
    }

    /** The topics' generations summed: every topic only grows, so the sum moves whenever one does. */
    private long generation() {
        long sum = 0;
        for (String topic : topics) {
            sum += generations.current(topic);
        }
        return sum;
    }
}
