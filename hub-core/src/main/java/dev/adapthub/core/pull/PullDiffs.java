package dev.adapthub.core.pull;

import dev.adapthub.core.pull.check.MergeBase;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.content.GitErrors;
import dev.adapthub.git.GitException;
import dev.adapthub.git.read.CommitInfo;
import dev.adapthub.git.read.DiffLimits;
import dev.adapthub.git.read.DiffResult;
import dev.adapthub.git.read.Diffs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.springframework.stereotype.Service;

/**
 * What a pull request changes: its commits and its diff against the merge base with the target
 * (for a merged PR, with the tip it was merged onto), like the three-dot diff of {@code git diff}.
 */
@Service
public class PullDiffs {

    public static final int MAX_COMMITS = 250;
    static final int MAX_CONFIG_BYTES = 256 * 1024;

    private final PullRequestService service;

    PullDiffs(PullRequestService service) {
        this.service = service;
    }

    /** The commits the PR brings, oldest first, at most {@value #MAX_COMMITS}. */
    public List<CommitInfo> commits(Repo repo, PullRequest pr) {
        Repository git = service.git(repo);
        try (RevWalk walk = new RevWalk(git)) {
            walk.markStart(walk.parseCommit(ObjectId.fromString(pr.headCommit())));
            Optional<ObjectId> base = baseTip(git, pr);
            if (base.isPresent()) {
                walk.markUninteresting(walk.parseCommit(base.get()));
            }
            List<CommitInfo> commits = new ArrayList<>();
            for (RevCommit c : walk) {
                if (commits.size() == MAX_COMMITS) {
                    break;
                }
                commits.add(CommitInfo.of(c));
            }
            java.util.Collections.reverse(commits);
            return commits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The merge base of the PR's head and its target (empty when the target is gone). */
    public Optional<ObjectId> mergeBase(Repo repo, PullRequest pr) {
        Repository git = service.git(repo);
        return baseTip(git, pr).flatMap(tip -> MergeBase.of(git, tip, ObjectId.fromString(pr.headCommit())));
    }

    /** The files changed between the merge base and the head. */
    public DiffResult diff(Repo repo, PullRequest pr, DiffLimits limits) {
        Repository git = service.git(repo);
        ObjectId head = ObjectId.fromString(pr.headCommit());
        // Unrelated histories have no merge base: show the difference to the target's tip instead.
        Optional<ObjectId> base = mergeBase(repo, pr).or(() -> baseTip(git, pr));
        try {
            return base.isEmpty() ? new DiffResult(List.of(), 0, false) : Diffs.between(git, base.get(), head, limits);
        } catch (GitException e) {
            throw GitErrors.translate(e);
        }
    }

    /** A file's text at a commit, when it exists and is small; for the semantic diff. */
    public Optional<String> text(Repo repo, ObjectId commit, String path) {
        if (commit == null || path == null) {
            return Optional.empty();
        }
        Repository git = service.git(repo);
        try (RevWalk walk = new RevWalk(git);
                TreeWalk tree = TreeWalk.forPath(git, path, walk.parseCommit(commit).getTree())) {
            if (tree == null) {
                return Optional.empty();
            }
            ObjectLoader loader = git.open(tree.getObjectId(0));
            if (loader.getSize() > MAX_CONFIG_BYTES) {
                return Optional.empty();
            }
            return Optional.of(new String(loader.getBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The blob a path names at a commit, or empty when the commit or the path is missing. */
    public Optional<ObjectId> blobId(Repo repo, ObjectId commit, String path) {
        Repository git = service.git(repo);
        try (RevWalk walk = new RevWalk(git);
                TreeWalk tree = TreeWalk.forPath(git, path, walk.parseCommit(commit).getTree())) {
            return tree == null ? Optional.empty() : Optional.of(tree.getObjectId(0).copy());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<ObjectId> baseTip(Repository git, PullRequest pr) {
        if (pr.state() == PullState.MERGED && pr.mergedOnto() != null) {
            return Optional.of(ObjectId.fromString(pr.mergedOnto()));
        }
        return PullRequestService.tip(git, "refs/heads/" + pr.targetBranch());
    }
}
