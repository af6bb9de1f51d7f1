package dev.adapthub.web.error;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one log line of a refused request (4xx): INFO, no stack trace, with the request id a person
 * can quote from the error page. A client's mistake is not a server error, and a stack trace per
 * bad URL would let anyone flood the log. Whatever handles a refusal calls {@link #log} with the
 * reason; {@link RequestIdFilter} logs the refusals nobody described (security's 401 and 403,
 * Spring MVC's 404 and 405, the Git servlet), so each is logged exactly once.
 */
public final class ClientErrorLog {

    private static final Logger log = LoggerFactory.getLogger(ClientErrorLog.class);
    private static final String LOGGED = ClientErrorLog.class.getName() + ".logged";
    /** Bounds on what a client can make the hub write into its log per request. */
    private static final int MAX_PATH = 300;
    private static final int MAX_REASON = 500;

    private ClientErrorLog() {
    }

    /** Logs the refusal once per request; later calls for the same request are ignored. */
    public static void log(HttpServletRequest request, int status, String reason) {
        if (request.getAttribute(LOGGED) != null) {
            return;
        }
        request.setAttribute(LOGGED, Boolean.TRUE);
        log.info("{} {} {} [request {}]: {}", status, request.getMethod(), clip(request.getRequestURI(), MAX_PATH),
                RequestIdFilter.idOf(request), clip(reason, MAX_REASON));
    }

    static boolean isLogged(HttpServletRequest request) {
        return request.getAttribute(LOGGED) != null;
    }

    /** Shortened, on one line: a reason may quote what the client sent, newlines included. */
    private static String clip(String text, int max) {
        String line = text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
        return line.length() <= max ? line : line.substring(0, max) + "…";
    }
}
