package dev.adapthub.git.read;

import java.util.List;

/**
 * One page of a folder's direct children, in Git's order.
 *
 * @param entries the page's entries
 * @param offset the position of the first of them in the folder
 * @param total how many entries the folder has
 */
public record TreePage(List<TreeEntry> entries, int offset, int total) {
    public TreePage {
        entries = List.copyOf(entries);
    }

    /** True when entries follow this page. */
    public boolean hasMore() {
        return offset + entries.size() < total;
    }
}
