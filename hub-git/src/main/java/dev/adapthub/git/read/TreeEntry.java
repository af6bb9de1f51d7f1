package dev.adapthub.git.read;

import dev.adapthub.git.lfs.LfsPointerFile;

import java.util.Optional;

import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;

/**
 * One entry of a tree listing.
 *
 * @param path full path from the repository root
 * @param name last path segment
 * @param kind file, folder, symlink or submodule
 * @param mode the Git file mode bits (e.g. {@code 0100644})
 * @param id blob, tree or (for submodules) commit id
 * @param size blob size in bytes as stored in Git (for an LFS file: the pointer's size), -1 for
 *        folders and submodules
 * @param lfs the LFS pointer when the blob is one; its size is the real file size
 */
public record TreeEntry(String path, String name, Kind kind, int mode, ObjectId id, long size,
        Optional<LfsPointerFile> lfs) {

    public enum Kind {
        FILE, FOLDER, SYMLINK, SUBMODULE;

        static Kind of(FileMode mode) {
            if (mode == FileMode.TREE) {
                return FOLDER;
            }
            if (mode == FileMode.SYMLINK) {
                return SYMLINK;
            }
            return mode == FileMode.GITLINK ? SUBMODULE : FILE;
        }
    }

    /** The size a user cares about: the real LFS object's size, else the blob's. */
    public long contentSize() {
        return lfs.map(LfsPointerFile::size).orElse(size);
    }

    /** Git's octal notation of the mode, e.g. {@code 100644}. */
    public String modeString() {
        return Integer.toOctalString(mode);
    }
}
