package dev.adapthub.core.repo;

import java.util.Locale;
import java.util.Optional;

/** What a repository holds. Each kind has its own URL space, as on Hugging Face. */
public enum RepoKind {
    MODEL("", "model"),
    DATASET("datasets/", "dataset"),
    TOOL("tools/", "tool");

    private final String urlPrefix;
    private final String apiName;

    RepoKind(String urlPrefix, String apiName) {
        this.urlPrefix = urlPrefix;
        this.apiName = apiName;
    }

    /** Path prefix before {@code owner/name}: empty for models, {@code datasets/} and {@code tools/}. */
    public String urlPrefix() {
        return urlPrefix;
    }

    /** The name API clients use: {@code model}, {@code dataset}, {@code tool}. */
    public String apiName() {
        return apiName;
    }

    public static Optional<RepoKind> fromApiName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String lower = name.strip().toLowerCase(Locale.ROOT);
        for (RepoKind kind : values()) {
            if (kind.apiName.equals(lower)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
