package dev.adapthub.git.refs;

import static dev.adapthub.git.internal.Texts.quote;

import dev.adapthub.git.GitException;
import dev.adapthub.git.GitInvalidInputException;
import dev.adapthub.git.GitLockedException;
import dev.adapthub.git.GitStorageException;
import dev.adapthub.git.RefConflictException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.jgit.lib.BatchRefUpdate;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.ReceiveCommand;

/**
 * The one place where the hub's own code writes refs (pushes go through JGit's ReceivePack,
 * which uses the same batch machinery). Each call is one checked, atomic {@link BatchRefUpdate}:
 * either every {@link RefChange} applies or none does, and each applies only if its ref still
 * points at the expected old id. A lost race becomes one retryable {@link RefConflictException};
 * a lock held by another writer (a concurrent update, a repack packing refs, or a lock file a
 * crash left behind that {@code RepositoryStore} could not clear) becomes {@link GitLockedException},
 * whose message names no file. Nothing is overwritten silently.
 * <p>
 * Thread-safe and stateless apart from the optional {@link BeforeExecute} hook.
 */
public final class RefUpdater {

    /**
     * Runs after the caller has read the refs and just before the batch executes. Production code
     * passes none; tests use it to play the concurrent writer in exactly the dangerous window.
     */
    @FunctionalInterface
    public interface BeforeExecute {
        void run(Repository repository, List<RefChange> changes) throws IOException;
    }

    /** How often a batch that failed on a held lock runs before the caller hears busy (about 0.2 s in all). */
    static final int LOCK_ATTEMPTS = 6;

    private final BeforeExecute beforeExecute;

    public RefUpdater() {
        this((repo, changes) -> { });
    }

    public RefUpdater(BeforeExecute beforeExecute) {
        this.beforeExecute = Objects.requireNonNull(beforeExecute, "beforeExecute");
    }

    /** Applies a single change; see {@link #update(Repository, PersonIdent, String, List)}. */
    public void update(Repository repo, PersonIdent who, String reflogMessage, RefChange change)
            throws GitException {
        update(repo, who, reflogMessage, List.of(change));
    }

    /**
     * Applies all changes atomically with compare-and-swap on each expected old id.
     *
     * @param who recorded in the reflog
     * @throws RefConflictException when any ref was not at its expected id
     * @throws GitLockedException when a ref or {@code packed-refs} was locked by another writer
     * @throws GitInvalidInputException for invalid ref names, a ref named twice, or a new id that
     *         is not in the repository
     */
    public void update(Repository repo, PersonIdent who, String reflogMessage, List<RefChange> changes)
            throws GitException {
        if (changes.isEmpty()) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (RefChange change : changes) {
            RefNames.checkRefName(change.refName());
            if (!seen.add(change.refName())) {
                throw new GitInvalidInputException("ref " + quote(change.refName())
                        + " appears twice in one update");
            }
        }
        // A concurrent writer holds a ref's lock for milliseconds; only a lock that outlasts a few
        // short waits (a repack packing refs, a leftover) reaches the caller. JGit itself waits
        // about three seconds for packed-refs.lock before it throws, so that case is not retried.
        for (int attempt = 1; !execute(repo, who, reflogMessage, changes, seen); attempt++) {
            if (attempt == LOCK_ATTEMPTS) {
                throw new GitLockedException();
            }
            pause(attempt);
        }
    }

    /** Runs the batch once; false when it failed only because a ref's lock was held. */
    private boolean execute(Repository repo, PersonIdent who, String reflogMessage, List<RefChange> changes,
            Set<String> seen) throws GitException {
        BatchRefUpdate batch = repo.getRefDatabase().newBatchUpdate();
        batch.setAtomic(true);
        // Compare-and-swap is the guard; whether a move may rewrite history is the caller's rule.
        batch.setAllowNonFastForwards(true);
        batch.setRefLogIdent(who);
        batch.setRefLogMessage(reflogMessage, false);
        for (RefChange change : changes) {
            batch.addCommand(new ReceiveCommand(change.expectedOldId(), change.newId(), change.refName()));
        }
        try {
            beforeExecute.run(repo, List.copyOf(changes));
            try (RevWalk walk = new RevWalk(repo)) {
                batch.execute(walk, NullProgressMonitor.INSTANCE);
            }
        } catch (IOException e) {
            if (GitLockedException.isLockFailure(e)) {
                throw new GitLockedException(e);
            }
            throw new GitStorageException("could not update refs " + seen, e);
        }
        return checkResults(repo, batch.getCommands());
    }

    private static void pause(int attempt) throws GitLockedException {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitLockedException(e);
        }
    }

    /** False when the batch failed on a held lock only; throws for every other failure. */
    private static boolean checkResults(Repository repo, List<ReceiveCommand> commands) throws GitException {
        List<String> conflicts = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        boolean locked = false;
        for (ReceiveCommand cmd : commands) {
            switch (cmd.getResult()) {
                case OK -> { }
                case LOCK_FAILURE -> conflicts.add(cmd.getRefName());
                case REJECTED_MISSING_OBJECT -> throw new GitInvalidInputException("cannot point "
                        + cmd.getRefName() + " at " + cmd.getNewId().name()
                        + ": the object is not in the repository");
                // In an atomic batch the innocent commands are aborted because another failed.
                case REJECTED_OTHER_REASON -> {
                    if (GitLockedException.isLockMessage(cmd.getMessage())) {
                        locked = true;
                    } else if (!isTransactionAborted(cmd)) {
                        failures.add(cmd.getRefName() + ": " + cmd.getMessage());
                    }
                }
                default -> failures.add(cmd.getRefName() + ": " + cmd.getResult()
                        + (cmd.getMessage() == null ? "" : " " + cmd.getMessage()));
            }
        }
        if (locked) {
            // JGit reports packed-refs.lock this way, after it has waited for it itself.
            throw new GitLockedException();
        }
        if (!conflicts.isEmpty() && stillExpected(repo, commands)) {
            return false;
        }
        if (!conflicts.isEmpty()) {
            throw new RefConflictException(conflicts);
        }
        if (!failures.isEmpty()) {
            throw new GitStorageException("ref update failed: " + String.join("; ", failures),
                    new IOException(String.join("; ", failures)));
        }
        return true;
    }

    /**
     * JGit reports a held lock and a lost compare-and-swap alike as LOCK_FAILURE. When every ref is
     * still where the caller expected it, nobody moved it: the update failed on a lock only.
     */
    private static boolean stillExpected(Repository repo, List<ReceiveCommand> commands) throws GitException {
        try {
            for (ReceiveCommand cmd : commands) {
                Ref ref = repo.exactRef(cmd.getRefName());
                ObjectId current = ref == null || ref.getObjectId() == null ? ObjectId.zeroId() : ref.getObjectId();
                if (!current.equals(cmd.getOldId())) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            throw new GitStorageException("could not read refs after a failed update", e);
        }
    }

    private static boolean isTransactionAborted(ReceiveCommand cmd) {
        String message = cmd.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("transaction aborted");
    }
}
