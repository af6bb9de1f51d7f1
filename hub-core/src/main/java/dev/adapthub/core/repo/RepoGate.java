package dev.adapthub.core.repo;

import java.util.Locale;

/**
 * Whether a repository's files are gated, as Hugging Face's {@code gated} setting names it. The hub
 * has no access-request queue, so the two modes are honoured this way: {@code AUTO} (Hugging Face
 * approves every request automatically) lets any signed-in account download; {@code MANUAL}
 * (someone approves each request) lets only accounts with write access download. Everyone who may
 * read the repository still sees its page, info and file list.
 */
public enum RepoGate {
    NONE,
    AUTO,
    MANUAL;

    /** The API value: {@code false}, {@code "auto"} or {@code "manual"}. */
    public Object apiValue() {
        return this == NONE ? Boolean.FALSE : name().toLowerCase(Locale.ROOT);
    }
}
