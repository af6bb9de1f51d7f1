package dev.adapthub.git.http;

import dev.adapthub.git.GitPaths;
import dev.adapthub.git.internal.Texts;

import java.text.Normalizer;

/** Turns the path of a Git or LFS URL into the repository name handed to {@link RepositoryLookup}. */
final class RepoNames {
    private RepoNames() {
    }

    /**
     * {@code /alice/model.git/} → {@code alice/model}; {@code alice/model} stays. A path with control
     * or invisible characters ({@code alice/.g\u200Dit}), or one not in Unicode NFC, names no
     * repository: the hub's names never hold them, and a look-alike must not be resolved by a lookup
     * that folds it into a real name.
     */
    static String fromPath(String path) {
        String name = path == null ? "" : path;
        while (name.startsWith("/")) {
            name = name.substring(1);
        }
        while (name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.endsWith(".git")) {
            name = name.substring(0, name.length() - 4);
        }
        if (Texts.hasControlOrBrokenChars(name) || name.codePoints().anyMatch(GitPaths::isIgnorable)
                || !Normalizer.isNormalized(name, Normalizer.Form.NFC)) {
            return "";
        }
        return name;
    }
}
