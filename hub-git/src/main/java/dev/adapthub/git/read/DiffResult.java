package dev.adapthub.git.read;

import java.util.List;

/**
 * The files changed between two commits.
 *
 * @param totalFiles how many files changed in all ({@code files} may hold fewer)
 * @param truncated true when files were left out or any patch was cut
 */
public record DiffResult(List<FileDiff> files, int totalFiles, boolean truncated) {
    public DiffResult {
        files = List.copyOf(files);
    }
}
