package dev.adapthub.git.refs;

import static dev.adapthub.git.internal.Texts.quote;

import dev.adapthub.git.GitException;
import dev.adapthub.git.GitInvalidInputException;
import dev.adapthub.git.GitStorageException;
import dev.adapthub.git.RefConflictException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.eclipse.jgit.lib.BatchRefUpdate;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.ReceiveCommand;

/**
 * The one place where the hub's own code writes refs (pushes go through JGit's ReceivePack,
 * which uses the same batch machinery). Each call is one checked, atomic {@link BatchRefUpdate}:
 * either every {@link RefChange} applies or none does, and each applies only if its ref still
 * points at the expected old id. A lost race or a held lock becomes one retryable
 * {@link RefConflictException}; nothing is overwritten silently.
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
     * @throws RefConflictException when any ref was not at its expected id or was locked
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
            throw new GitStorageException("could not update refs " + seen, e);
        }
        checkResults(batch.getCommands());
    }

    private static void checkResults(List<ReceiveCommand> commands) throws GitException {
        List<String> conflicts = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (ReceiveCommand cmd : commands) {
            switch (cmd.getResult()) {
                case OK -> { }
                case LOCK_FAILURE -> conflicts.add(cmd.getRefName());
                case REJECTED_MISSING_OBJECT -> throw new GitInvalidInputException("cannot point "
                        + cmd.getRefName() + " at " + cmd.getNewId().name()
                        + ": the object is not in the repository");
                // In an atomic batch the innocent commands are aborted because another failed.
                case REJECTED_OTHER_REASON -> {
                    if (!isTransactionAborted(cmd)) {
                        failures.add(cmd.getRefName() + ": " + cmd.getMessage());
                    }
                }
                default -> failures.add(cmd.getRefName() + ": " + cmd.getResult()
                        + (cmd.getMessage() == null ? "" : " " + cmd.getMessage()));
            }
        }
        if (!conflicts.isEmpty()) {
            throw new RefConflictException(conflicts);
        }
        if (!failures.isEmpty()) {
            throw new GitStorageException("ref update failed: " + String.join("; ", failures),
                    new IOException(String.join("; ", failures)));
        }
    }

    private static boolean isTransactionAborted(ReceiveCommand cmd) {
        String message = cmd.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("transaction aborted");
    }
}
