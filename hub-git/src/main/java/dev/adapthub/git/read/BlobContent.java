package dev.adapthub.git.read;

import java.io.IOException;
import java.io.InputStream;

import org.eclipse.jgit.lib.ObjectLoader;

/**
 * A file's content at a commit, ready to stream. Holds no open resources: each
 * {@link #openStream()} opens a fresh stream the caller closes. For an LFS file this is the
 * pointer; fetch {@link TreeEntry#lfs()} from the LFS store for the real bytes.
 *
 * @param entry the tree entry (path, id, size, LFS pointer)
 * @param binary true when the first 8000 bytes look binary (NUL byte), like Git decides
 */
public record BlobContent(TreeEntry entry, boolean binary, ObjectLoader loader) {

    /** Size in bytes as stored in Git; use it for {@code Content-Length}. */
    public long size() {
        return entry.size();
    }

    public InputStream openStream() throws IOException {
        return loader.openStream();
    }
}
