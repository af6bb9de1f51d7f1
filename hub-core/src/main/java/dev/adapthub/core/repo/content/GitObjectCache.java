package dev.adapthub.core.repo.content;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * A bounded cache of values derived from immutable Git objects, keyed by what makes them immutable
 * (a commit, tree or blob id, plus the parameters of the derivation). An entry can never go stale,
 * so there is no expiry and nothing to invalidate across hub processes: a miss only recomputes.
 * Never key one of these by a branch name or anything else that moves.
 *
 * @param <K> a value type whose equality covers the object id and every parameter
 */
public final class GitObjectCache<K, V> {

    private final Cache<K, V> cache;

    /**
     * @param maxWeight total weight kept (least recently used entries go first)
     * @param weigher the weight of one value, e.g. its number of tree entries
     */
    public GitObjectCache(long maxWeight, ToIntFunction<V> weigher) {
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxWeight)
                .<K, V>weigher((k, v) -> Math.max(1, weigher.applyAsInt(v)))
                .build();
    }

    /** The cached value, computed by {@code derive} on a miss (exceptions propagate and cache nothing). */
    public V get(K key, Function<? super K, ? extends V> derive) {
        return cache.get(key, derive);
    }
}
