package dev.adapthub.git.write;

import static dev.adapthub.git.internal.Texts.quote;

import dev.adapthub.git.GitException;
import dev.adapthub.git.GitInvalidInputException;
import dev.adapthub.git.GitNotFoundException;
import dev.adapthub.git.GitPaths;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEditor.DeletePath;
import org.eclipse.jgit.dircache.DirCacheEditor.DeleteTree;
import org.eclipse.jgit.dircache.DirCacheEditor.PathEdit;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;

/** Applies file changes to a tree in memory (an in-core index), checking each against the base. */
final class TreeEdits {

    private TreeEdits() {
    }

    /**
     * @param baseTree the parent's tree, or null for a first commit
     * @return the id of the new tree (inserted, not yet flushed)
     */
    static ObjectId apply(ObjectReader reader, ObjectInserter inserter, ObjectId baseTree, List<FileChange> changes)
            throws IOException, GitException {
        DirCache index = DirCache.newInCore();
        DirCacheBuilder builder = index.builder();
        if (baseTree != null) {
            builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, baseTree);
        }
        builder.finish();

        Set<String> touched = new HashSet<>();
        Set<String> removed = new HashSet<>();
        DirCacheEditor editor = index.editor();
        for (FileChange change : changes) {
            String path = GitPaths.normalizeFile(change.path());
            if (!touched.add(path)) {
                throw new GitInvalidInputException("path " + quote(path) + " is changed twice in one commit");
            }
            if (change instanceof FileChange.Put put) {
                checkNoFileAbove(index, path, removed);
                if (isFolder(index, path) && !removed.contains(path)) {
                    throw new GitInvalidInputException(quote(path) + " is a folder; delete it first or pick another name");
                }
                DirCacheEntry existing = index.getEntry(path);
                FileMode mode = existing != null && existing.getFileMode() == FileMode.EXECUTABLE_FILE
                        ? FileMode.EXECUTABLE_FILE : FileMode.REGULAR_FILE;
                ObjectId blob = insert(inserter, put.content());
                editor.add(new PathEdit(path) {
                    @Override
                    public void apply(DirCacheEntry ent) {
                        ent.setFileMode(mode);
                        ent.setObjectId(blob);
                        ent.setLength(put.content().size());
                    }
                });
            } else if (change instanceof FileChange.Delete) {
                if (index.getEntry(path) == null) {
                    throw new GitNotFoundException("cannot delete " + quote(path) + ": no such file");
                }
                removed.add(path);
                editor.add(new DeletePath(path));
            } else if (change instanceof FileChange.DeleteFolder) {
                if (!isFolder(index, path)) {
                    throw new GitNotFoundException("cannot delete folder " + quote(path) + ": no such folder");
                }
                removed.add(path);
                editor.add(new DeleteTree(path));
            }
        }
        editor.finish();
        return index.writeTree(inserter);
    }

    private static ObjectId insert(ObjectInserter inserter, Content content) throws IOException {
        try (InputStream in = content.open()) {
            return inserter.insert(Constants.OBJ_BLOB, content.size(), in);
        }
    }

    private static boolean isFolder(DirCache index, String path) {
        int at = index.findEntry(path + "/");
        int next = at >= 0 ? at : -(at + 1);
        return next < index.getEntryCount() && index.getEntry(next).getPathString().startsWith(path + "/");
    }

    private static void checkNoFileAbove(DirCache index, String path, Set<String> removed)
            throws GitInvalidInputException {
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            String parent = path.substring(0, slash);
            if (index.getEntry(parent) != null && !removed.contains(parent)) {
                throw new GitInvalidInputException("cannot add " + quote(path) + ": " + quote(parent)
                        + " is a file; delete it first");
            }
        }
    }
}
