package dev.adapthub.web.body;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.jgit.transport.ServiceMayNotContinueException;

/**
 * Thrown where a body is read past its limit (or would be: a declared length over it). An
 * {@link IOException}, so it passes through stream readers (Jackson, Gson, JGit) as the read
 * failure it is; {@link BodyLimitFilter} answers it with 413 whatever caught it on the way. JGit's
 * servlets answer a {@link ServiceMayNotContinueException} with its status instead of logging an
 * internal error.
 */
public final class BodyTooLargeException extends ServiceMayNotContinueException {

    private static final long serialVersionUID = 1L;

    BodyTooLargeException(String message) {
        super(message, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
    }

    /** The same from methods that cannot throw {@link IOException} ({@code getParameter}, {@code getParts}). */
    static final class Unchecked extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        Unchecked(BodyTooLargeException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** Whether {@code failure} happened because a body was cut off. */
    public static boolean causes(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof BodyTooLargeException || t instanceof Unchecked) {
                return true;
            }
        }
        return false;
    }
}
