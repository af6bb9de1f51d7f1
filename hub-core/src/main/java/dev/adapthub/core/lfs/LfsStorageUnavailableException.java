package dev.adapthub.core.lfs;

/**
 * The configured LFS bucket cannot be used (unreachable endpoint, missing bucket, refused
 * credentials). Thrown while the hub starts, so it does not start half-working;
 * {@link LfsStorageFailureAnalyzer} turns it into a short report naming the endpoint and bucket.
 */
public class LfsStorageUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String where;
    private final String reason;

    public LfsStorageUnavailableException(String where, String reason, Throwable cause) {
        super("Git LFS storage " + where + " is not usable: " + reason, cause);
        this.where = where;
        this.reason = reason;
    }

    public String where() {
        return where;
    }

    public String reason() {
        return reason;
    }
}
