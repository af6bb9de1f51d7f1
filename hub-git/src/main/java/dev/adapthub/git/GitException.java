package dev.adapthub.git;

/**
 * Root of the checked exception family of hub-git. Each subclass is named after what the client
 * of the hub sees; only the web layer maps them to HTTP statuses:
 * {@link GitNotFoundException} 404, {@link GitInvalidInputException} 422,
 * {@link GitConflictException} 409 (with {@link RefConflictException} as the retryable case),
 * {@link GitLockedException} 409 "busy, retry in a moment" (a lock held by another writer),
 * {@link GitStorageException} 500.
 * <p>
 * Messages are meant to be shown to users: they say what was wrong, where, and what to do next,
 * and never contain server file system paths.
 */
public abstract class GitException extends Exception {
    private static final long serialVersionUID = 1L;

    protected GitException(String message) {
        super(message);
    }

    protected GitException(String message, Throwable cause) {
        super(message, cause);
    }
}
