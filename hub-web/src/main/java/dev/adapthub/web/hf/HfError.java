package dev.adapthub.web.hf;

import org.springframework.http.HttpStatus;

/**
 * An error of the Hugging Face-compatible API with the {@code X-Error-Code} the clients branch on
 * (RepoNotFound, RevisionNotFound, EntryNotFound, GatedRepo), or none.
 */
final class HfError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String code;

    HfError(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static HfError repoNotFound(String message) {
        return new HfError(HttpStatus.NOT_FOUND, "RepoNotFound", message);
    }

    /**
     * A repository that is missing or that the caller may not read, as the Hub answers it: 401 to an
     * anonymous caller (who might see it after signing in, so whether it exists stays hidden), 404 to
     * a signed-in one.
     */
    static HfError repoNotFound(boolean anonymous, String message) {
        return new HfError(anonymous ? HttpStatus.UNAUTHORIZED : HttpStatus.NOT_FOUND, "RepoNotFound", message);
    }

    static HfError forbidden(String message) {
        return new HfError(HttpStatus.FORBIDDEN, null, message);
    }

    static HfError revisionNotFound(String message) {
        return new HfError(HttpStatus.NOT_FOUND, "RevisionNotFound", message);
    }

    static HfError entryNotFound(String message) {
        return new HfError(HttpStatus.NOT_FOUND, "EntryNotFound", message);
    }

    static HfError badRequest(String message) {
        return new HfError(HttpStatus.BAD_REQUEST, null, message);
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }
}
