package dev.adapthub.web.language;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;

/** Where the footer's language switch sends the reader back to: a path on this hub, never elsewhere. */
public final class ReturnPaths {

    static final int MAX_RETURN = 2048;

    private ReturnPaths() {
    }

    /** This request's path and query (an error page's: the failed request's path), for the switch's form. */
    public static String of(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = failed instanceof String s ? s : request.getRequestURI();
        String path = uri.substring(Math.min(request.getContextPath().length(), uri.length()));
        String query = failed == null ? request.getQueryString() : null;
        return local(query == null ? path : path + '?' + query);
    }

    /**
     * {@code path} when it is a path on this hub ({@code /models?sort=likes}); {@code /} for anything
     * that could leave it: a scheme, a host ({@code //evil.example}, {@code /\evil.example}), control
     * characters or spaces, a fragment, or an overlong value.
     */
    static String local(String path) {
        if (path == null || path.isEmpty() || path.length() > MAX_RETURN || path.charAt(0) != '/'
                || path.startsWith("//") || path.indexOf('\\') >= 0) {
            return "/";
        }
        for (int i = 0; i < path.length(); i++) {
            if (Character.isISOControl(path.charAt(i)) || Character.isWhitespace(path.charAt(i))) {
                return "/";
            }
        }
        try {
            URI uri = new URI(path);
            return uri.getScheme() == null && uri.getRawAuthority() == null && uri.getRawFragment() == null ? path : "/";
        } catch (URISyntaxException e) {
            return "/";
        }
    }
}
