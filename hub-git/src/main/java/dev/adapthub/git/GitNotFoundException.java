package dev.adapthub.git;

/** A repository, revision, ref or path does not exist (the client sees 404). */
public class GitNotFoundException extends GitException {
    private static final long serialVersionUID = 1L;

    public GitNotFoundException(String message) {
        super(message);
    }
}
