package dev.adapthub.git.store;

import org.eclipse.jgit.storage.file.WindowCacheConfig;

/**
 * Sizes JGit's process-wide cache of pack file windows. JGit's default (10 MiB of windows,
 * 128 open pack files) makes every clone of a pack larger than that re-read and re-inflate the
 * same pack regions; a clone of a 150 MB pack served from a cache that holds most of it spends its
 * time sending, not reading. The windows live on the Java heap, so this limit is part of the heap
 * budget (README: memory).
 */
public final class PackCache {

    private PackCache() {
    }

    /**
     * Installs the limits for the whole JVM (JGit has one window cache per process).
     *
     * @param packedGitBytes bytes of pack windows kept
     * @param deltaBaseBytes bytes of inflated delta bases kept per reader
     */
    public static void install(long packedGitBytes, int deltaBaseBytes) {
        WindowCacheConfig config = new WindowCacheConfig();
        config.setPackedGitLimit(packedGitBytes);
        config.setPackedGitWindowSize(64 * 1024);
        config.setPackedGitOpenFiles(256);
        config.setDeltaBaseCacheLimit(deltaBaseBytes);
        config.install();
    }
}
