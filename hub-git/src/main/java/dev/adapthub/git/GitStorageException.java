package dev.adapthub.git;

import java.io.IOException;

/**
 * The repository storage failed (I/O error, corrupt object). Not the client's fault: the web
 * layer answers 500 and logs the cause; the message itself contains no server paths.
 */
public class GitStorageException extends GitException {
    private static final long serialVersionUID = 1L;

    public GitStorageException(String message, IOException cause) {
        super(message, cause);
    }
}
