package dev.adapthub.git.merge;

import static dev.adapthub.git.internal.Texts.quote;

import dev.adapthub.git.GitConflictException;
import dev.adapthub.git.GitException;
import dev.adapthub.git.GitInvalidInputException;
import dev.adapthub.git.GitNotFoundException;
import dev.adapthub.git.GitStorageException;
import dev.adapthub.git.RefConflictException;
import dev.adapthub.git.refs.RefChange;
import dev.adapthub.git.refs.RefNames;
import dev.adapthub.git.refs.RefUpdater;
import dev.adapthub.git.refs.Refs;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.merge.ResolveMerger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Pull request merges on bare repositories. The merge runs in memory with JGit's recursive
 * {@link org.eclipse.jgit.merge.ThreeWayMerger}; the target branch moves only through
 * {@link RefUpdater}'s compare-and-swap from the tip the merge was computed on. If the target
 * moved meanwhile the call fails with {@link RefConflictException} and the caller may re-check
 * and retry: two merges can never lose each other's commits.
 * <p>
 * Trial merges write unreachable objects (merged blobs and trees), which {@code git gc} prunes;
 * they never write refs.
 */
public final class Merges {
    private final RefUpdater refs;

    public Merges(RefUpdater refs) {
        this.refs = Objects.requireNonNull(refs, "refs");
    }

    /**
     * Checks whether {@code sourceCommit} merges cleanly into {@code targetBranch} now.
     *
     * @throws GitNotFoundException when the branch or the commit does not exist
     */
    public MergeCheck check(Repository repo, String targetBranch, ObjectId sourceCommit) throws GitException {
        String ref = RefNames.branchRef(targetBranch);
        try (ObjectInserter inserter = repo.newObjectInserter()) {
            return check(repo, inserter, ref, tipOf(repo, ref), sourceCommit).check();
        } catch (IOException e) {
            throw new GitStorageException("could not check merge into " + quote(targetBranch), e);
        }
    }

    /**
     * Merges as requested and moves the target branch by compare-and-swap.
     *
     * @throws MergeConflictException with the conflicting paths
     * @throws RefConflictException when the target is not at {@code expectedTargetTip} or moved
     *         during the merge; retry after re-checking
     * @throws GitConflictException when fast-forward-only is asked for diverged histories
     * @throws GitInvalidInputException when the target already contains the source
     * @throws GitNotFoundException when the branch or the source commit does not exist
     */
    public MergeResult merge(Repository repo, MergeRequest request) throws GitException {
        String ref = RefNames.branchRef(request.targetBranch());
        try (ObjectInserter inserter = repo.newObjectInserter()) {
            ObjectId tip = tipOf(repo, ref);
            if (request.expectedTargetTip() != null && !request.expectedTargetTip().equals(tip)) {
                throw new RefConflictException(List.of(ref));
            }
            Trial trial = check(repo, inserter, ref, tip, request.sourceCommit());
            MergeCheck check = trial.check();
            switch (check.status()) {
                case UP_TO_DATE -> throw new GitInvalidInputException(quote(Repository.shortenRefName(ref))
                        + " already contains " + request.sourceCommit().name() + ": nothing to merge");
                case CONFLICTS -> throw new MergeConflictException(check.conflicts());
                case CLEAN -> {
                    if (request.method() == MergeMethod.FAST_FORWARD_ONLY) {
                        throw new GitConflictException(quote(Repository.shortenRefName(ref))
                                + " has commits the source lacks, so it cannot fast-forward;"
                                + " merge with a merge commit or squash, or update the source first");
                    }
                }
                case FAST_FORWARD -> { }
            }
            ObjectId newTip = switch (request.method()) {
                case FAST_FORWARD_ONLY -> request.sourceCommit();
                case MERGE_COMMIT -> writeCommit(inserter, request, trial.tree(), tip, request.sourceCommit());
                case SQUASH -> writeCommit(inserter, request, trial.tree(), tip);
            };
            inserter.flush();
            refs.update(repo, request.committer(), "merge " + request.sourceCommit().name() + " ("
                    + request.method().name().toLowerCase() + ")", RefChange.update(ref, tip, newTip));
            return new MergeResult(ref, tip, newTip.copy(), request.method());
        } catch (IOException e) {
            throw new GitStorageException("could not merge into " + quote(request.targetBranch()), e);
        }
    }

    private record Trial(MergeCheck check, ObjectId tree) {
    }

    private static Trial check(Repository repo, ObjectInserter inserter, String ref, ObjectId tip, ObjectId source)
            throws IOException, GitException {
        try (ObjectReader reader = inserter.newReader(); RevWalk walk = new RevWalk(reader)) {
            RevCommit target = walk.parseCommit(tip);
            RevCommit src = parseSource(walk, source);
            if (walk.isMergedInto(src, target)) {
                return new Trial(new MergeCheck(tip, src.copy(), MergeCheck.Status.UP_TO_DATE, List.of()), target.getTree());
            }
            walk.reset();
            if (walk.isMergedInto(target, src)) {
                return new Trial(new MergeCheck(tip, src.copy(), MergeCheck.Status.FAST_FORWARD, List.of()), src.getTree());
            }
            ResolveMerger merger = (ResolveMerger) MergeStrategy.RECURSIVE.newMerger(inserter, repo.getConfig());
            if (merger.merge(target, src)) {
                return new Trial(new MergeCheck(tip, src.copy(), MergeCheck.Status.CLEAN, List.of()), merger.getResultTreeId());
            }
            TreeSet<String> conflicts = new TreeSet<>(merger.getUnmergedPaths());
            if (merger.getFailingPaths() != null) {
                conflicts.addAll(merger.getFailingPaths().keySet());
            }
            return new Trial(new MergeCheck(tip, src.copy(), MergeCheck.Status.CONFLICTS, List.copyOf(conflicts)), null);
        }
    }

    private static RevCommit parseSource(RevWalk walk, ObjectId source) throws IOException, GitException {
        try {
            return walk.parseCommit(source);
        } catch (MissingObjectException | IncorrectObjectTypeException e) {
            throw new GitNotFoundException("source " + source.name() + " is not a commit of this repository");
        }
    }

    private static ObjectId tipOf(Repository repo, String ref) throws IOException, GitNotFoundException {
        Ref r = Refs.exact(repo, ref);
        if (r == null || r.getObjectId() == null) {
            throw new GitNotFoundException("target branch " + quote(Repository.shortenRefName(ref)) + " does not exist");
        }
        return r.getObjectId();
    }

    private static ObjectId writeCommit(ObjectInserter inserter, MergeRequest request, ObjectId tree,
            ObjectId... parents) throws IOException, GitInvalidInputException {
        if (request.message().isBlank()) {
            throw new GitInvalidInputException("merge commit message is empty");
        }
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(tree);
        commit.setParentIds(parents);
        commit.setAuthor(request.author() != null ? request.author() : request.committer());
        commit.setCommitter(request.committer());
        commit.setMessage(request.message());
        return inserter.insert(commit);
    }
}
