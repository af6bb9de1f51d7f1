package dev.adapthub.core.repo.content;

import dev.adapthub.core.common.ConflictException;
import dev.adapthub.core.common.HubException;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.common.NotFoundException;
import dev.adapthub.git.GitConflictException;
import dev.adapthub.git.GitException;
import dev.adapthub.git.GitInvalidInputException;
import dev.adapthub.git.GitLockedException;
import dev.adapthub.git.GitNotFoundException;

/**
 * Turns hub-git's checked exceptions into the hub's client-facing ones. A lock held by another
 * writer is a retryable conflict whose message names no file; a storage failure becomes a 500
 * whose message (never shown to clients) carries hub-git's text, which names no path either.
 */
public final class GitErrors {

    private GitErrors() {
    }

    /** What a client sees when a Git lock is held: nothing about files, only what to do. */
    public static final String BUSY = "The repository is busy; retry in a moment.";

    public static HubException translate(GitException e) {
        if (e instanceof GitLockedException || GitLockedException.isLockFailure(e.getCause())) {
            return new ConflictException(null, BUSY);
        }
        if (e instanceof GitNotFoundException) {
            return new NotFoundException(capitalize(e.getMessage()) + ".");
        }
        if (e instanceof GitInvalidInputException) {
            return new InvalidInputException("path", capitalize(e.getMessage()) + ".");
        }
        if (e instanceof GitConflictException) {
            return new ConflictException(null, capitalize(e.getMessage()) + ".");
        }
        throw new IllegalStateException("Git storage failed: " + e.getMessage(), e);
    }

    private static String capitalize(String message) {
        if (message == null || message.isEmpty()) {
            return "Git error";
        }
        return Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
