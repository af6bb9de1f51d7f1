package dev.adapthub.core.validation;

import dev.adapthub.git.GitInvalidInputException;
import dev.adapthub.git.GitPaths;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** Paths a config names relative to its own folder ({@code model.config: ../config.json}). */
final class RepoPaths {

    private RepoPaths() {
    }

    /**
     * The repository path {@code relative} names, seen from the folder of {@code from}; empty when
     * it is absolute, climbs above the repository root, or is not a valid file path.
     */
    static Optional<String> resolveSibling(String from, String relative) {
        if (relative.isEmpty() || relative.startsWith("/") || relative.indexOf('\\') >= 0) {
            return Optional.empty();
        }
        Deque<String> segments = new ArrayDeque<>();
        int slash = from.lastIndexOf('/');
        if (slash > 0) {
            for (String s : from.substring(0, slash).split("/")) {
                segments.addLast(s);
            }
        }
        for (String s : relative.split("/", -1)) {
            if (s.equals("..")) {
                if (segments.isEmpty()) {
                    return Optional.empty();
                }
                segments.removeLast();
            } else if (!s.equals(".")) {
                segments.addLast(s);
            }
        }
        try {
            return Optional.of(GitPaths.normalizeFile(String.join("/", segments)));
        } catch (GitInvalidInputException e) {
            return Optional.empty();
        }
    }
}
