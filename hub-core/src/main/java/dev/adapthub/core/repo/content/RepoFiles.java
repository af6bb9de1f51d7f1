package dev.adapthub.core.repo.content;

import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.git.GitException;
import dev.adapthub.git.GitNotFoundException;
import dev.adapthub.git.read.BlobContent;
import dev.adapthub.git.read.Blobs;
import dev.adapthub.git.read.CommitDetail;
import dev.adapthub.git.read.CommitInfo;
import dev.adapthub.git.read.DiffLimits;
import dev.adapthub.git.read.Diffs;
import dev.adapthub.git.read.FileDiff;
import dev.adapthub.git.read.History;
import dev.adapthub.git.read.HistoryPage;
import dev.adapthub.git.read.PathListing;
import dev.adapthub.git.read.RefListing;
import dev.adapthub.git.read.ResolvedRevision;
import dev.adapthub.git.read.Revisions;
import dev.adapthub.git.read.TreeEntry;
import dev.adapthub.git.read.TreeListing;
import dev.adapthub.git.read.TreePage;
import dev.adapthub.git.read.Trees;
import dev.adapthub.git.store.RepositoryStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.springframework.stereotype.Service;

/**
 * Reads a repository's files and history for pages and APIs. Callers have already checked
 * that the viewer may read the repository; every Git error arrives as a hub exception
 * (missing revision or path: 404; malformed one: 422).
 */
@Service
public class RepoFiles {

    public static final int MAX_TREE_ENTRIES = 5_000;
    /** Diff limits that list changed files without computing patches (every blob counts as too large). */
    private static final DiffLimits PATHS_ONLY = new DiffLimits(MAX_TREE_ENTRIES, 1, 1, 1, 0);

    /** Tree entries kept in {@link #listings} (about 300 bytes each: ~30 MB at most). */
    static final int CACHED_TREE_ENTRIES = 100_000;

    private final RepositoryStore store;
    private final RepoService repos;
    /** Listings per repository, commit, folder and cap: immutable once the commit exists. */
    private final GitObjectCache<ListingKey, TreeListing> listings =
            new GitObjectCache<>(CACHED_TREE_ENTRIES, l -> l.entries().size());
    private final GitObjectCache<CommitKey, CommitInfo> commits = new GitObjectCache<>(20_000, c -> 1);

    /** The repository is part of the key so that one repository never answers from another's objects. */
    private record ListingKey(long repo, ObjectId commit, String path, boolean recursive, int max) {
    }

    private record CommitKey(long repo, ObjectId commit) {
    }

    private record PathsKey(long repo, ObjectId commit, int max) {
    }

    /** File paths per repository, commit and cap (a path is lighter than a tree entry: same bound). */
    private final GitObjectCache<PathsKey, PathListing> paths =
            new GitObjectCache<>(CACHED_TREE_ENTRIES, p -> p.paths().size());

    private record PageKey(long repo, ObjectId commit, String path, boolean recursive, int offset, int limit) {
    }

    private final GitObjectCache<PageKey, TreePage> pages =
            new GitObjectCache<>(CACHED_TREE_ENTRIES, p -> p.entries().size());

    RepoFiles(RepositoryStore store, RepoService repos) {
        this.store = store;
        this.repos = repos;
    }

    private Repository git(Repo repo) {
        try {
            return store.open(repos.storageOf(repo));
        } catch (GitException e) {
            throw GitErrors.translate(e);
        }
    }

    /** The commit a revision names; empty when the repository has no commits yet and the default branch is asked for. */
    public Optional<ResolvedRevision> resolve(Repo repo, String revision) {
        try {
            return Optional.of(Revisions.resolve(git(repo), revision));
        } catch (GitNotFoundException e) {
            if (revision.equals(repo.defaultBranch()) && isEmpty(repo)) {
                return Optional.empty();
            }
            throw GitErrors.translate(e);
        } catch (GitException e) {
            throw GitErrors.translate(e);
        }
    }

    public boolean isEmpty(Repo repo) {
        try {
            return RefListing.branches(git(repo)).isEmpty();
        } catch (GitException e) {
            throw GitErrors.translate(e);
        }
    }

    public TreeListing list(Repo repo, ResolvedRevision at, String path, boolean recursive) {
        return listUpTo(repo, at, path, recursive, MAX_TREE_ENTRIES);
    }

    /** One page of a folder's direct children (pages of large folders read only the page's entries). */
    public TreePage page(Repo repo, ResolvedRevision at, String path, int offset, int limit) {
        return page(repo, at, path, false, offset, limit);
    }

    /**
     * One page of a folder's children, or with {@code recursive} of every file below it: only the
     * page's entries are sized, however many the walk passes.
     */
    public TreePage page(Repo repo, ResolvedRevision at, String path, boolean recursive, int offset, int limit) {
        return pages.get(new PageKey(repo.id(), at.commitId().copy(), path, recursive, offset, limit), k -> {
            try {
                return Trees.page(git(repo), k.commit(), k.path(), k.recursive(), k.offset(), k.limit());
            } catch (GitException e) {
                throw GitErrors.translate(e);
            }
        });
    }

    /**
     * The file or folder at {@code path}; empty when nothing is there.
     *
     * @throws dev.adapthub.core.common.InvalidInputException when the path is malformed
     */
    public Optional<TreeEntry> entry(Repo repo, ResolvedRevision at, String path) {
        try {
            return Optional.of(Trees.entry(git(repo), at.commitId(), path));
        } catch (GitNotFoundException e) {
            return Optional.empty();
        } catch (GitException e) {
            throw GitErrors.translate(e);
        }
    }

    /**
     * Like {@link #list}, with a caller-chosen cap: the API pages through listings larger than
     * the pages can show ({@link TreeListing#truncated()} still tells when even this cap was hit).
     */
    public TreeListing listUpTo(Repo repo, ResolvedRevision at, String path, boolean recursive, int maxEntries) {
        ListingKey key = new ListingKey(repo.id(), at.commitId().copy(), path, recursive, maxEntries);
        return listings.get(key, k -> {
            try {
                return Trees.list(git(repo), k.commit(), k.path(), k.recursive(), k.max());
            } catch (GitException e) {
                throw GitErrors.translate(e);
            }
        });
    }

    /**
     * The paths of the files (and symlinks) at {@code at}, at any depth, up to {@code maxFiles}:
     * only the trees are read, no blob is sized or opened (unlike {@link #listUpTo}).
     */
    public PathListing filePaths(Repo repo, ResolvedRevision at, int maxFiles) {
        return paths.get(new PathsKey(repo.id(), at.commitId().copy(), maxFiles), k -> {
            try {
                return Trees.filePaths(git(repo), k.commit(), k.max());
            } catch (GitException e) {
                throw GitErrors.translate(e);
            }
        });
    }

    public BlobContent open(Repo repo, ResolvedRevision at, String path) {
        try {
            return Blobs.open(git(repo), at.commitId(), path);
        } catch (GitException e) {
            throw GitErrors.translate(e);
        }
    }

    /** A text file's content when it exists, is not binary and is at most {@code maxBytes} long. */
    public Optional<String> readText(Repo repo, ResolvedRevision at, String path, int maxBytes) {
        BlobContent blob;
        try {
            blob = Blobs.open(git(repo), at.commitId(), path);
        } catch (GitNotFoundException e) {
            return Optional.empty();
        } catch (GitException e) {
            throw GitErrors.translate(e);
        }
        if (blob.binary() || blob.size() > maxBytes) {
            return Optional.empty();
        }
        try (InputStream in = blob.openStream()) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public CommitInfo commit(Repo repo, ResolvedRevision at) {
        return commits.get(new CommitKey(repo.id(), at.commitId().copy()), k -> {
            try (RevWalk walk = new RevWalk(git(repo))) {
                RevCommit commit = walk.parseCommit(k.commit());
                return CommitInfo.of(commit);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public HistoryPage history(Repo repo, ResolvedRevision at, String path, int offset, int limit) {
        try {
            return History.log(git(repo), at.commitId(), path, offset, limit);
        } catch (GitException e) {
            throw GitErrors.translate(e);
        }
    }

    /** Commits reachable from {@code at}, counted up to {@code max}. */
    public int countCommits(Repo repo, ResolvedRevision at, int max) {
        try {
            return History.count(git(repo), at.commitId(), max);
        } catch (GitException e) {
            throw GitErrors.translate(e);
        }
    }

    public CommitDetail commitDetail(Repo repo, ResolvedRevision at, DiffLimits limits) {
        try {
            return Diffs.commit(git(repo), at.commitId(), limits);
        } catch (GitException e) {
            throw GitErrors.translate(e);
        }
    }

    /**
     * Paths that {@code head} adds or modifies relative to {@code base} (renames count under their
     * new path; deletions are left out). No patches are computed.
     */
    public List<String> changedPaths(Repo repo, ObjectId base, ObjectId head) {
        try {
            return Diffs.between(git(repo), base, head, PATHS_ONLY).files().stream()
                    .filter(d -> d.newPath() != null)
                    .map(FileDiff::newPath)
                    .toList();
        } catch (GitException e) {
            throw GitErrors.translate(e);
        }
    }

    public List<RefListing.Branch> branches(Repo repo) {
        try {
            return RefListing.branches(git(repo));
        } catch (GitException e) {
            throw GitErrors.translate(e);
        }
    }

    public List<RefListing.Tag> tags(Repo repo) {
        try {
            return RefListing.tags(git(repo));
        } catch (GitException e) {
            throw GitErrors.translate(e);
        }
    }
}
