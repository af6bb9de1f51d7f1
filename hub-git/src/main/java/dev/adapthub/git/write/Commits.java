package dev.adapthub.git.write;

import static dev.adapthub.git.internal.Texts.quote;

import dev.adapthub.git.GitException;
import dev.adapthub.git.GitInvalidInputException;
import dev.adapthub.git.GitStorageException;
import dev.adapthub.git.RefConflictException;
import dev.adapthub.git.refs.RefChange;
import dev.adapthub.git.refs.RefNames;
import dev.adapthub.git.refs.RefUpdater;
import dev.adapthub.git.refs.Refs;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Commits made by the hub itself (browser uploads and edits), without a working tree: the new
 * tree is built in memory from the parent's tree and the {@link FileChange}s, and the branch moves
 * by compare-and-swap through {@link RefUpdater}. A commit either lands on top of the parent the
 * caller saw or fails with {@link RefConflictException}; it never overwrites someone else's work.
 */
public final class Commits {
    /** Longest accepted commit message, in characters. */
    public static final int MAX_MESSAGE_LENGTH = 64 * 1024;

    private final RefUpdater refs;

    public Commits(RefUpdater refs) {
        this.refs = Objects.requireNonNull(refs, "refs");
    }

    /**
     * Commits {@code changes} onto {@code branch}.
     *
     * @param branch short ({@code main}) or full ({@code refs/heads/main}) branch name, or a pull
     *        request head ({@code refs/pr/7}), which the hub commits to for changes proposed in the browser
     * @param expectedParent the tip the user's edit was based on: a commit id (the branch must
     *        still be there), {@link ObjectId#zeroId()} (the branch must not exist yet), or null
     *        (the current tip, or a new branch when it does not exist)
     * @param author author and committer of the commit
     * @throws RefConflictException when the branch is not at {@code expectedParent}, or moved
     *         while the commit was being written; nothing was changed
     * @throws GitInvalidInputException for an empty change list or message, invalid paths, or
     *         changes that leave the tree as it was
     * @throws dev.adapthub.git.GitNotFoundException when a file or folder to delete does not exist
     */
    public CommitResult commit(Repository repo, String branch, ObjectId expectedParent, PersonIdent author,
            String message, List<FileChange> changes) throws GitException {
        String ref = RefNames.prNumber(branch).isPresent() ? branch : RefNames.branchRef(branch);
        checkMessage(message);
        checkChanges(changes);
        try (ObjectInserter inserter = repo.newObjectInserter();
                ObjectReader reader = inserter.newReader();
                RevWalk walk = new RevWalk(reader)) {
            Ref current = Refs.exact(repo, ref);
            ObjectId tip = current == null ? null : current.getObjectId();
            ObjectId parent = parent(ref, tip, expectedParent);
            RevCommit parentCommit = parent == null ? null : walk.parseCommit(parent);
            ObjectId tree = TreeEdits.apply(reader, inserter, parentCommit == null ? null : parentCommit.getTree(), changes);
            if (parentCommit != null && tree.equals(parentCommit.getTree())) {
                throw new GitInvalidInputException("nothing to commit: the files on " + quote(branch)
                        + " already have this content");
            }
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(tree);
            if (parent != null) {
                commit.setParentId(parent);
            }
            commit.setAuthor(author);
            commit.setCommitter(author);
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            refs.update(repo, author, "commit: " + firstLine(message),
                    new RefChange(ref, parent == null ? ObjectId.zeroId() : parent, id));
            return new CommitResult(ref, id, parent);
        } catch (MissingObjectException e) {
            throw new GitInvalidInputException("expected parent " + e.getObjectId().name()
                    + " is not a commit of this repository");
        } catch (IOException e) {
            throw new GitStorageException("could not commit to " + quote(branch), e);
        }
    }

    /**
     * Checks changes as far as possible without a repository (paths by {@link dev.adapthub.git.GitPaths},
     * no path twice, no file inside another written file), so that callers can refuse them before
     * they create anything, such as the repository the changes are for.
     *
     * @throws GitInvalidInputException naming the first bad path and why
     */
    public static void checkChanges(List<FileChange> changes) throws GitInvalidInputException {
        if (changes.isEmpty()) {
            throw new GitInvalidInputException("a commit needs at least one file change");
        }
        TreeEdits.check(changes);
    }

    private static ObjectId parent(String ref, ObjectId tip, ObjectId expected) throws RefConflictException {
        if (expected == null) {
            return tip;
        }
        boolean matches = ObjectId.zeroId().equals(expected) ? tip == null : expected.equals(tip);
        if (!matches) {
            // Fail before writing objects: the caller's view is already stale.
            throw new RefConflictException(List.of(ref));
        }
        return tip;
    }

    /** Refuses an empty, overlong or NUL-holding commit message. */
    public static void checkMessage(String message) throws GitInvalidInputException {
        if (message == null || message.isBlank()) {
            throw new GitInvalidInputException("commit message is empty");
        }
        if (message.length() > MAX_MESSAGE_LENGTH) {
            throw new GitInvalidInputException("commit message is longer than " + MAX_MESSAGE_LENGTH + " characters");
        }
        if (message.indexOf('\0') >= 0) {
            throw new GitInvalidInputException("commit message contains a NUL character");
        }
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
