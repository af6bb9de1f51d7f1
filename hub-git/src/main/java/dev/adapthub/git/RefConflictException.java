package dev.adapthub.git;

import java.util.List;

/**
 * A compare-and-swap ref update lost: a ref was not at the expected old id (someone else moved,
 * created or deleted it) or was locked by a concurrent writer. Nothing was changed. The caller
 * may re-read the current state and retry; the client sees 409 when it gives up.
 */
public class RefConflictException extends GitConflictException {
    private static final long serialVersionUID = 1L;

    private final List<String> refNames;

    public RefConflictException(List<String> refNames) {
        super(refNames.size() == 1
                ? refNames.get(0) + " was changed by someone else meanwhile; reload and try again"
                : "these refs were changed by someone else meanwhile: " + String.join(", ", refNames)
                        + "; reload and try again");
        this.refNames = List.copyOf(refNames);
    }

    /** The refs whose expected old value did not hold. */
    public List<String> refNames() {
        return refNames;
    }
}
