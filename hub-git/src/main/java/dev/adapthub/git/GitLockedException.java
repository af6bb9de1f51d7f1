package dev.adapthub.git;

import java.io.IOException;
import java.util.Locale;

import org.eclipse.jgit.errors.LockFailedException;

/**
 * A file the operation needed was locked by another writer (a concurrent ref update, a repack in
 * progress). Nothing was changed and nothing is wrong with the request: the client may retry
 * in a moment. The web layer answers 409 with that advice. The message never names the lock
 * file, whose path would show the server's data directory and the repository's storage id.
 */
public class GitLockedException extends GitException {
    private static final long serialVersionUID = 1L;

    /** What every client sees, whichever file was locked. */
    public static final String MESSAGE = "the repository is busy; retry in a moment";

    public GitLockedException(Throwable cause) {
        super(MESSAGE, cause);
    }

    public GitLockedException() {
        super(MESSAGE);
    }

    /**
     * Whether {@code error} (or one of its causes) is JGit failing to take a lock file: a
     * {@link LockFailedException}, or an I/O error with JGit's "Cannot lock" or "lock error" text.
     */
    public static boolean isLockFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof LockFailedException) {
                return true;
            }
            if (t instanceof IOException && isLockMessage(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a JGit message (e.g. of a rejected ref command) reports a lock it could not take. */
    public static boolean isLockMessage(String message) {
        if (message == null) {
            return false;
        }
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("cannot lock") || m.startsWith("lock error") || m.contains("failed to lock");
    }
}
