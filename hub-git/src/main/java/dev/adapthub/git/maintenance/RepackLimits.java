package dev.adapthub.git.maintenance;

/**
 * When a repository is worth repacking: more than {@code maxPacks} pack files (every push adds
 * one, and each lookup of an object may probe every pack) or more than {@code maxLooseObjects}
 * loose objects (every commit made by the hub adds a few).
 */
public record RepackLimits(int maxPacks, int maxLooseObjects) {

    public RepackLimits {
        if (maxPacks < 1 || maxLooseObjects < 1) {
            throw new IllegalArgumentException("repack limits must be at least 1, got maxPacks=" + maxPacks
                    + ", maxLooseObjects=" + maxLooseObjects);
        }
    }
}
