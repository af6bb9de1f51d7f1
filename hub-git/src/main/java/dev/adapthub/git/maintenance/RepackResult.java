package dev.adapthub.git.maintenance;

/**
 * What one repack did. {@code bitmap} tells whether the new pack has a reachability bitmap
 * index ({@code .bitmap}), which lets clones and fetches skip walking the history.
 *
 * @param ran false when another process's repack held the repository ({@code gc.pid}); then
 *        nothing changed and the counts before and after are the same
 */
public record RepackResult(boolean ran, ObjectCounts before, ObjectCounts after, boolean bitmap, long tookMillis) {
}
