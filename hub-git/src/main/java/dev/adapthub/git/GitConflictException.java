package dev.adapthub.git;

/** The request clashes with the current state of the repository (the client sees 409). */
public class GitConflictException extends GitException {
    private static final long serialVersionUID = 1L;

    public GitConflictException(String message) {
        super(message);
    }
}
