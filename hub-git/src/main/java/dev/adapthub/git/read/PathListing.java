package dev.adapthub.git.read;

import java.util.List;

/**
 * The paths of the files at a commit, in Git's order, without their sizes or contents.
 *
 * @param paths full paths from the repository root
 * @param truncated true when the listing stopped at the requested maximum
 */
public record PathListing(List<String> paths, boolean truncated) {
    public PathListing {
        paths = List.copyOf(paths);
    }
}
