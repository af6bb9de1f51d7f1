package dev.adapthub.git;

/**
 * The caller passed a value that can never be valid: a hostile or malformed ref name or path,
 * an empty commit, a revision that is not a commit (the client sees 422). Retrying the same
 * input will fail the same way.
 */
public class GitInvalidInputException extends GitException {
    private static final long serialVersionUID = 1L;

    public GitInvalidInputException(String message) {
        super(message);
    }
}
