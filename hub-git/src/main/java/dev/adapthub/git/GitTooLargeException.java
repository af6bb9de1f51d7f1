package dev.adapthub.git;

/** Content exceeds a configured size limit; nothing was stored (the client sees 413). */
public class GitTooLargeException extends GitException {
    private static final long serialVersionUID = 1L;

    public GitTooLargeException(String message) {
        super(message);
    }
}
