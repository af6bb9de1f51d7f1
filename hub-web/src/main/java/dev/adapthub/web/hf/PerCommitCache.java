package dev.adapthub.web.hf;

import dev.adapthub.core.repo.Repo;
import dev.adapthub.git.read.ResolvedRevision;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Answers computed from one commit of one repository (a commit count, derived metadata), kept for
 * the most recently used commits: a commit never changes, so an entry never goes stale.
 */
final class PerCommitCache<V> {

    private final Map<String, V> entries;

    PerCommitCache(int capacity) {
        entries = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        });
    }

    /** The cached value, or {@code compute}'s, stored (computed outside the lock: two callers may both compute). */
    V get(Repo repo, ResolvedRevision at, Supplier<V> compute) {
        String key = repo.id() + ":" + at.commitId().name();
        V known = entries.get(key);
        if (known != null) {
            return known;
        }
        V value = compute.get();
        entries.put(key, value);
        return value;
    }
}
