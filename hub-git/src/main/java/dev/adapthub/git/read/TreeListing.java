package dev.adapthub.git.read;

import java.util.List;

/**
 * The entries of a folder at a commit, in Git's order (folders and files sorted by name).
 *
 * @param truncated true when the listing stopped at the requested maximum
 */
public record TreeListing(List<TreeEntry> entries, boolean truncated) {
    public TreeListing {
        entries = List.copyOf(entries);
    }
}
