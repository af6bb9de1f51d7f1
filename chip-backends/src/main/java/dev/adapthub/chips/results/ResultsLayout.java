package dev.adapthub.chips.results;

import java.util.List;
import java.util.Locale;

/**
 * Where runs live: next to their config, in a folder named after it.
 * {@code adaptations/nvidia-l40s-vllm.yaml} keeps its runs in
 * {@code adaptations/nvidia-l40s-vllm.results/*.json}; a run's optional sidecar is
 * {@code <run>.meta.json} in the same folder. Sub-folders are not read.
 */
public final class ResultsLayout {

    /** A config with more run files than this gets a finding; the first ones (by name) are read. */
    public static final int MAX_RUNS_PER_CONFIG = 50;

    private static final String SUFFIX = ".results";

    private ResultsLayout() {
    }

    /** The results folder of a config: its path without {@code .yaml}/{@code .yml}, plus {@code .results}. */
    public static String folderOf(String configPath) {
        return stem(configPath) + SUFFIX;
    }

    /**
     * The configs a file in a results folder may belong to ({@code x.yaml}, {@code x.yml}); empty
     * when the path is not directly inside a {@code *.results} folder.
     */
    public static List<String> configsOf(String path) {
        int slash = path.lastIndexOf('/');
        if (slash < 0) {
            return List.of();
        }
        String folder = path.substring(0, slash);
        if (!folder.endsWith(SUFFIX) || folder.length() == SUFFIX.length()
                || folder.charAt(folder.length() - SUFFIX.length() - 1) == '/') {
            return List.of();
        }
        String stem = folder.substring(0, folder.length() - SUFFIX.length());
        return List.of(stem + ".yaml", stem + ".yml");
    }

    /** Whether a file of a results folder is read as a run (or a sidecar): {@code .json} only. */
    public static boolean isJson(String path) {
        return path.toLowerCase(Locale.ROOT).endsWith(".json");
    }

    private static String stem(String configPath) {
        String lower = configPath.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yaml")) {
            return configPath.substring(0, configPath.length() - 5);
        }
        if (lower.endsWith(".yml")) {
            return configPath.substring(0, configPath.length() - 4);
        }
        return configPath;
    }
}
