package dev.adapthub.git.write;

import static dev.adapthub.git.internal.Texts.quote;

import dev.adapthub.git.GitException;
import dev.adapthub.git.GitInvalidInputException;
import dev.adapthub.git.GitNotFoundException;
import dev.adapthub.git.GitPaths;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEditor.DeletePath;
import org.eclipse.jgit.dircache.DirCacheEditor.DeleteTree;
import org.eclipse.jgit.dircache.DirCacheEditor.PathEdit;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.dircache.InvalidPathException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;

/**
 * Applies file changes to a tree in memory (an in-core index). Every change is checked, first on
 * its own ({@link #check}) and then against the base tree, before any object is written; the
 * outcome does not depend on the order of the changes: deletions apply before additions.
 * <p>
 * A name is a file or a folder, never silently both: adding {@code a/b} where {@code a} is a file
 * needs {@code a} deleted in the same change, adding {@code a} where {@code a} is a folder needs
 * the folder deleted first, as with Git's index (which refuses such an entry unless the old one is
 * removed) and the Hugging Face commit API (which refuses to create a folder where a file is).
 */
final class TreeEdits {

    private TreeEdits() {
    }

    /**
     * Checks what can be checked without a base tree: paths ({@link GitPaths#normalizeNewFile} for
     * files a change writes, {@link GitPaths#normalizeFile} for deletions), no path changed twice, no
     * written file inside another written file.
     *
     * @return the changes keyed by their normalized path, in the given order
     */
    static Map<String, FileChange> check(List<FileChange> changes) throws GitInvalidInputException {
        Map<String, FileChange> byPath = new LinkedHashMap<>();
        List<String> written = new ArrayList<>();
        for (FileChange change : changes) {
            String path = change instanceof FileChange.Put ? GitPaths.normalizeNewFile(change.path())
                    : GitPaths.normalizeFile(change.path());
            if (byPath.putIfAbsent(path, change) != null) {
                throw new GitInvalidInputException("path " + quote(path) + " is changed twice in one commit");
            }
            if (change instanceof FileChange.Put) {
                written.add(path);
            }
        }
        GitPaths.checkNoFileInsideFile(written);
        return byPath;
    }

    /**
     * @param baseTree the parent's tree, or null for a first commit
     * @return the id of the new tree (inserted, not yet flushed)
     */
    static ObjectId apply(ObjectReader reader, ObjectInserter inserter, ObjectId baseTree, List<FileChange> changes)
            throws IOException, GitException {
        Map<String, FileChange> byPath = check(changes);
        DirCache index = DirCache.newInCore();
        DirCacheBuilder builder = index.builder();
        if (baseTree != null) {
            builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, baseTree);
        }
        builder.finish();

        Set<String> deletedFiles = new HashSet<>();
        Set<String> deletedFolders = new HashSet<>();
        for (Map.Entry<String, FileChange> e : byPath.entrySet()) {
            String path = e.getKey();
            if (e.getValue() instanceof FileChange.Delete) {
                if (index.getEntry(path) == null) {
                    throw new GitNotFoundException("cannot delete " + quote(path) + ": no such file");
                }
                deletedFiles.add(path);
            } else if (e.getValue() instanceof FileChange.DeleteFolder) {
                if (!isFolder(index, path)) {
                    throw new GitNotFoundException("cannot delete folder " + quote(path) + ": no such folder");
                }
                deletedFolders.add(path);
            }
        }
        for (Map.Entry<String, FileChange> e : byPath.entrySet()) {
            if (e.getValue() instanceof FileChange.Put) {
                checkFitsBase(index, e.getKey(), deletedFiles, deletedFolders);
            }
        }

        try {
            DirCacheEditor deletions = index.editor();
            deletedFiles.forEach(path -> deletions.add(new DeletePath(path)));
            deletedFolders.forEach(path -> deletions.add(new DeleteTree(path)));
            deletions.finish();
            Map<String, FileMode> modes = new LinkedHashMap<>();
            for (String path : byPath.keySet()) {
                DirCacheEntry existing = index.getEntry(path);
                modes.put(path, existing != null && existing.getFileMode() == FileMode.EXECUTABLE_FILE
                        ? FileMode.EXECUTABLE_FILE : FileMode.REGULAR_FILE);
            }
            DirCacheEditor additions = index.editor();
            for (Map.Entry<String, FileChange> e : byPath.entrySet()) {
                if (e.getValue() instanceof FileChange.Put put) {
                    FileMode mode = modes.get(e.getKey());
                    ObjectId blob = insert(inserter, put.content());
                    additions.add(new PathEdit(e.getKey()) {
                        @Override
                        public void apply(DirCacheEntry ent) {
                            ent.setFileMode(mode);
                            ent.setObjectId(blob);
                            ent.setLength(put.content().size());
                        }
                    });
                }
            }
            additions.finish();
        } catch (InvalidPathException e) {
            // GitPaths is stricter than JGit's own check; should they ever disagree, the client
            // still learns which path, instead of a server error.
            throw new GitInvalidInputException(e.getMessage());
        }
        return index.writeTree(inserter);
    }

    private static void checkFitsBase(DirCache index, String path, Set<String> deletedFiles,
            Set<String> deletedFolders) throws GitInvalidInputException {
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            String parent = path.substring(0, slash);
            if (deletedFolders.contains(parent)) {
                return;
            }
            if (index.getEntry(parent) != null && !deletedFiles.contains(parent)) {
                throw new GitInvalidInputException("cannot add " + quote(path) + ": " + quote(parent)
                        + " is a file; delete it in the same change to turn it into a folder");
            }
        }
        if (isFolder(index, path)) {
            throw new GitInvalidInputException(quote(path) + " is a folder; delete it first or pick another name");
        }
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
}
