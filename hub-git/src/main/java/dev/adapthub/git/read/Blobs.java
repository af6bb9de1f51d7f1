package dev.adapthub.git.read;

import static dev.adapthub.git.internal.Texts.quote;

import dev.adapthub.git.GitException;
import dev.adapthub.git.GitStorageException;

import java.io.IOException;
import java.io.InputStream;

import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;

/** Reading files at a commit. */
public final class Blobs {
    private static final int SNIFF_BYTES = 8000;

    private Blobs() {
    }

    /**
     * Opens the file {@code path} at {@code commitId}.
     *
     * @throws dev.adapthub.git.GitNotFoundException when there is no file at that path
     */
    public static BlobContent open(Repository repo, ObjectId commitId, String path) throws GitException {
        TreeEntry entry = Trees.file(repo, commitId, path);
        try {
            ObjectLoader loader = repo.open(entry.id(), Constants.OBJ_BLOB);
            return new BlobContent(entry, sniffBinary(loader), loader);
        } catch (IOException e) {
            throw new GitStorageException("could not read " + quote(entry.path()), e);
        }
    }

    private static boolean sniffBinary(ObjectLoader loader) throws IOException {
        if (!loader.isLarge()) {
            byte[] bytes = loader.getCachedBytes();
            return RawText.isBinary(bytes, Math.min(bytes.length, SNIFF_BYTES), true);
        }
        try (InputStream in = loader.openStream()) {
            byte[] head = in.readNBytes(SNIFF_BYTES);
            return RawText.isBinary(head, head.length, false);
        }
    }
}
