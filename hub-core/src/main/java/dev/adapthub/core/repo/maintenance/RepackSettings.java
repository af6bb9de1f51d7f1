package dev.adapthub.core.repo.maintenance;

import dev.adapthub.git.maintenance.RepackLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When a repository is repacked in the background ({@code hub.git.repack.*}; environment
 * variables {@code HUB_GIT_REPACK_MAXPACKS}, {@code HUB_GIT_REPACK_MAXLOOSEOBJECTS}).
 *
 * @param maxPacks repack once a repository has more pack files than this (every push adds one); default 20
 * @param maxLooseObjects repack once a repository has this many more loose objects than after its
 *        last repack (the hub's own commits write them); default 1000
 */
@ConfigurationProperties("hub.git.repack")
public record RepackSettings(Integer maxPacks, Integer maxLooseObjects) {

    public static final int DEFAULT_MAX_PACKS = 20;
    public static final int DEFAULT_MAX_LOOSE_OBJECTS = 1000;

    public RepackSettings {
        maxPacks = maxPacks == null ? DEFAULT_MAX_PACKS : maxPacks;
        maxLooseObjects = maxLooseObjects == null ? DEFAULT_MAX_LOOSE_OBJECTS : maxLooseObjects;
    }

    public RepackLimits limits() {
        return new RepackLimits(maxPacks, maxLooseObjects);
    }
}
