package dev.adapthub.git.read;

import dev.adapthub.git.GitException;
import dev.adapthub.git.GitInvalidInputException;
import dev.adapthub.git.GitNotFoundException;
import dev.adapthub.git.GitPaths;
import dev.adapthub.git.GitStorageException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/** Paginated history from a commit, optionally only the commits touching a path. */
public final class History {
    public static final int MAX_PAGE_SIZE = 200;

    private History() {
    }

    /**
     * Commits reachable from {@code start}, newest first (committer time, then topology).
     *
     * @param path a file or folder ("" or null for everything); uses Git's history
     *        simplification, like {@code git log -- path}
     * @param offset how many commits to skip (0 for the first page)
     * @param limit page size, 1..{@value #MAX_PAGE_SIZE}
     */
    public static HistoryPage log(Repository repo, ObjectId start, String path, int offset, int limit)
            throws GitException {
        String p = GitPaths.normalize(path);
        if (offset < 0 || limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new GitInvalidInputException("page must have offset >= 0 and 1.." + MAX_PAGE_SIZE
                    + " commits, was offset " + offset + " limit " + limit);
        }
        try (RevWalk walk = new RevWalk(repo)) {
            walk.sort(RevSort.COMMIT_TIME_DESC);
            if (!p.isEmpty()) {
                walk.setTreeFilter(AndTreeFilter.create(PathFilter.create(p), TreeFilter.ANY_DIFF));
            }
            walk.markStart(walk.parseCommit(start));
            List<CommitInfo> page = new ArrayList<>(limit);
            int skipped = 0;
            for (RevCommit c : walk) {
                if (skipped < offset) {
                    skipped++;
                    continue;
                }
                if (page.size() == limit) {
                    return new HistoryPage(page, offset, true);
                }
                page.add(CommitInfo.of(c));
            }
            return new HistoryPage(page, offset, false);
        } catch (MissingObjectException e) {
            throw new GitNotFoundException("no commit " + e.getObjectId().name() + " in this repository");
        } catch (IOException e) {
            throw new GitStorageException("could not read history from " + start.name(), e);
        }
    }

    /**
     * How many commits are reachable from {@code start} (its whole history, merges included),
     * counting at most {@code max}: a walk over commit headers only, no trees.
     */
    public static int count(Repository repo, ObjectId start, int max) throws GitException {
        try (RevWalk walk = new RevWalk(repo)) {
            walk.setRetainBody(false);
            walk.markStart(walk.parseCommit(start));
            int n = 0;
            while (n < max && walk.next() != null) {
                n++;
            }
            return n;
        } catch (MissingObjectException e) {
            throw new GitNotFoundException("no commit " + e.getObjectId().name() + " in this repository");
        } catch (IOException e) {
            throw new GitStorageException("could not count the history of " + start.name(), e);
        }
    }
}
