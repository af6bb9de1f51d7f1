package dev.adapthub.git.read;

import static dev.adapthub.git.internal.Texts.quote;

import dev.adapthub.git.GitException;
import dev.adapthub.git.GitInvalidInputException;
import dev.adapthub.git.GitNotFoundException;
import dev.adapthub.git.GitPaths;
import dev.adapthub.git.GitStorageException;
import dev.adapthub.git.lfs.LfsPointerFile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Tree listings at a commit. Paths are validated with {@link GitPaths}; sizes come from the
 * object database, and blobs small enough to be LFS pointers are parsed as such.
 */
public final class Trees {
    /** Default cap on entries in one listing. */
    public static final int DEFAULT_MAX_ENTRIES = 10_000;

    private Trees() {
    }

    /**
     * Lists the folder {@code path} ("" for the root) at {@code commitId}.
     *
     * @param recursive list everything below instead of the direct children
     * @param maxEntries stop after this many entries ({@link TreeListing#truncated()} tells)
     * @throws GitNotFoundException when the path does not exist or is not a folder
     */
    public static TreeListing list(Repository repo, ObjectId commitId, String path, boolean recursive,
            int maxEntries) throws GitException {
        String dir = GitPaths.normalize(path);
        try (RevWalk walk = new RevWalk(repo); ObjectReader reader = repo.newObjectReader()) {
            ObjectId treeId = folder(walk, reader, commitId, dir);
            List<TreeEntry> entries = new ArrayList<>();
            try (TreeWalk tw = new TreeWalk(reader)) {
                tw.addTree(treeId);
                tw.setRecursive(recursive);
                String prefix = dir.isEmpty() ? "" : dir + "/";
                while (tw.next()) {
                    if (entries.size() >= maxEntries) {
                        return new TreeListing(entries, true);
                    }
                    entries.add(entry(reader, prefix + tw.getPathString(), tw.getNameString(),
                            tw.getFileMode(0), tw.getObjectId(0)));
                }
            }
            return new TreeListing(entries, false);
        } catch (MissingObjectException e) {
            throw new GitNotFoundException("no commit " + e.getObjectId().name() + " in this repository");
        } catch (IOException e) {
            throw new GitStorageException("could not list " + quote(dir), e);
        }
    }

    /**
     * The paths of every file and symlink at {@code commitId}, at any depth, as {@link #list} walks
     * them recursively from the root (submodules left out). Only trees are read: no blob is sized or
     * opened, so 20,000 files cost the walk of their folders, not 20,000 object lookups.
     *
     * @param maxFiles stop after this many paths ({@link PathListing#truncated()} tells)
     * @throws GitNotFoundException when the commit is not in this repository
     */
    public static PathListing filePaths(Repository repo, ObjectId commitId, int maxFiles) throws GitException {
        try (RevWalk walk = new RevWalk(repo); ObjectReader reader = repo.newObjectReader();
                TreeWalk tw = new TreeWalk(reader)) {
            tw.addTree(walk.parseCommit(commitId).getTree());
            tw.setRecursive(true);
            List<String> paths = new ArrayList<>();
            while (tw.next()) {
                if (TreeEntry.Kind.of(tw.getFileMode(0)) == TreeEntry.Kind.SUBMODULE) {
                    continue;
                }
                if (paths.size() >= maxFiles) {
                    return new PathListing(paths, true);
                }
                paths.add(tw.getPathString());
            }
            return new PathListing(paths, false);
        } catch (MissingObjectException e) {
            throw new GitNotFoundException("no commit " + e.getObjectId().name() + " in this repository");
        } catch (IOException e) {
            throw new GitStorageException("could not list the files of " + commitId.abbreviate(7).name(), e);
        }
    }

    /**
     * One page of the direct children of the folder {@code path} at {@code commitId}: entries
     * {@code offset} to {@code offset + limit - 1} in Git's order, and how many there are in all.
     * Only the page's entries are looked at (sizes, LFS pointers); the others are only counted, so
     * a page of a folder of 20,000 files costs about what a page of a small folder does.
     *
     * @throws GitNotFoundException when the path does not exist or is not a folder
     */
    public static TreePage page(Repository repo, ObjectId commitId, String path, int offset, int limit)
            throws GitException {
        return page(repo, commitId, path, false, offset, limit);
    }

    /**
     * Like {@link #page(Repository, ObjectId, String, int, int)}; with {@code recursive}, the files
     * below the folder at any depth (full paths, no folder entries), as {@link #list} lists them. The
     * walk reads the trees only: a page of a repository of 20,000 files sizes its own 1,000 blobs,
     * not 20,000.
     *
     * @throws GitNotFoundException when the path does not exist or is not a folder
     */
    public static TreePage page(Repository repo, ObjectId commitId, String path, boolean recursive, int offset,
            int limit) throws GitException {
        String dir = GitPaths.normalize(path);
        try (RevWalk walk = new RevWalk(repo); ObjectReader reader = repo.newObjectReader();
                TreeWalk tw = new TreeWalk(reader)) {
            tw.addTree(folder(walk, reader, commitId, dir));
            tw.setRecursive(recursive);
            String prefix = dir.isEmpty() ? "" : dir + "/";
            List<TreeEntry> entries = new ArrayList<>();
            int total = 0;
            while (tw.next()) {
                if (total >= offset && entries.size() < limit) {
                    entries.add(entry(reader, prefix + tw.getPathString(), tw.getNameString(),
                            tw.getFileMode(0), tw.getObjectId(0)));
                }
                total++;
            }
            return new TreePage(entries, offset, total);
        } catch (MissingObjectException e) {
            throw new GitNotFoundException("no commit " + e.getObjectId().name() + " in this repository");
        } catch (IOException e) {
            throw new GitStorageException("could not list " + quote(dir), e);
        }
    }

    /** The tree of the folder {@code dir} (normalized, "" for the root) at {@code commitId}. */
    private static ObjectId folder(RevWalk walk, ObjectReader reader, ObjectId commitId, String dir)
            throws IOException, GitException {
        ObjectId treeId = walk.parseCommit(commitId).getTree();
        if (dir.isEmpty()) {
            return treeId;
        }
        try (TreeWalk tw = TreeWalk.forPath(reader, dir, walk.parseTree(treeId))) {
            if (tw == null) {
                throw new GitNotFoundException("no folder " + quote(dir) + " at " + commitId.abbreviate(7).name());
            }
            if (tw.getFileMode(0) != FileMode.TREE) {
                throw new GitNotFoundException(quote(dir) + " is a file, not a folder");
            }
            return tw.getObjectId(0);
        }
    }

    /**
     * The entry at {@code path} (file or folder) at {@code commitId}.
     *
     * @throws GitNotFoundException when nothing is at that path
     */
    public static TreeEntry entry(Repository repo, ObjectId commitId, String path) throws GitException {
        String p = GitPaths.normalizeFile(path);
        try (RevWalk walk = new RevWalk(repo); ObjectReader reader = repo.newObjectReader()) {
            RevTree tree = walk.parseCommit(commitId).getTree();
            try (TreeWalk tw = TreeWalk.forPath(reader, p, tree)) {
                if (tw == null) {
                    throw new GitNotFoundException("no file " + quote(p) + " at " + commitId.abbreviate(7).name());
                }
                return entry(reader, p, tw.getNameString(), tw.getFileMode(0), tw.getObjectId(0));
            }
        } catch (MissingObjectException e) {
            throw new GitNotFoundException("no commit " + e.getObjectId().name() + " in this repository");
        } catch (IOException e) {
            throw new GitStorageException("could not read " + quote(p), e);
        }
    }

    /** @throws GitInvalidInputException when the entry at {@code path} is not a regular file */
    static TreeEntry file(Repository repo, ObjectId commitId, String path) throws GitException {
        TreeEntry e = entry(repo, commitId, path);
        if (e.kind() != TreeEntry.Kind.FILE && e.kind() != TreeEntry.Kind.SYMLINK) {
            throw new GitNotFoundException(quote(e.path()) + " is a " + e.kind().name().toLowerCase() + ", not a file");
        }
        return e;
    }

    private static TreeEntry entry(ObjectReader reader, String path, String name, FileMode mode, ObjectId id)
            throws IOException {
        TreeEntry.Kind kind = TreeEntry.Kind.of(mode);
        long size = -1;
        Optional<LfsPointerFile> lfs = Optional.empty();
        if (kind == TreeEntry.Kind.FILE || kind == TreeEntry.Kind.SYMLINK) {
            size = reader.getObjectSize(id, Constants.OBJ_BLOB);
            if (kind == TreeEntry.Kind.FILE && LfsPointerFile.mayBePointer(size)) {
                lfs = LfsPointerFile.parse(reader.open(id, Constants.OBJ_BLOB).getCachedBytes());
            }
        }
        return new TreeEntry(path, name, kind, mode.getBits(), id.copy(), size, lfs);
    }
}
