package dev.adapthub.git.maintenance;

/** How a repository stores its objects: pack files and loose objects (one file per object). */
public record ObjectCounts(int packs, long looseObjects) {

    /** Whether these counts exceed either limit, so the repository is worth a repack. */
    public boolean exceed(RepackLimits limits) {
        return packs > limits.maxPacks() || looseObjects > limits.maxLooseObjects();
    }
}
