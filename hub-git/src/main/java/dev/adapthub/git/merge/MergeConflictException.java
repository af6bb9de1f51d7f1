package dev.adapthub.git.merge;

import dev.adapthub.git.GitConflictException;

import java.util.List;

/** The merge has conflicts in {@link #paths()}; nothing was changed (the client sees 409). */
public class MergeConflictException extends GitConflictException {
    private static final long serialVersionUID = 1L;

    private final List<String> paths;

    public MergeConflictException(List<String> paths) {
        super("merge conflicts in " + paths.size() + (paths.size() == 1 ? " file: " : " files: ")
                + String.join(", ", paths.subList(0, Math.min(paths.size(), 20)))
                + (paths.size() > 20 ? ", …" : "") + "; update the source branch to resolve them");
        this.paths = List.copyOf(paths);
    }

    public List<String> paths() {
        return paths;
    }
}
