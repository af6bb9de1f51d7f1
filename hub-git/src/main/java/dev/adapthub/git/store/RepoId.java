package dev.adapthub.git.store;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * The stable storage identity of a hub repository. It never changes when the repository is
 * renamed or moves to another owner, so the bare repository on disk never moves either.
 * Random UUIDs let the hub create the storage before its database row commits without
 * collisions, and do not leak how many repositories exist.
 */
public record RepoId(UUID value) {

    public RepoId {
        Objects.requireNonNull(value, "value");
    }

    public static RepoId random() {
        return new RepoId(UUID.randomUUID());
    }

    /** Parses the canonical form produced by {@link #toString()} (or a dashed UUID). */
    public static RepoId parse(String text) {
        String s = text.trim();
        if (s.length() == 32) {
            s = s.substring(0, 8) + '-' + s.substring(8, 12) + '-' + s.substring(12, 16) + '-'
                    + s.substring(16, 20) + '-' + s.substring(20);
        }
        return new RepoId(UUID.fromString(s));
    }

    /** 32 lowercase hex digits, the directory name of the repository. */
    @Override
    public String toString() {
        return value.toString().replace("-", "").toLowerCase(Locale.ROOT);
    }
}
