package dev.adapthub.web.hf;

import jakarta.servlet.http.HttpServletRequest;
import java.util.StringJoiner;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code Link: <…>; rel="next"} for paginated answers. The clients only follow absolute
 * {@code http(s)} links, so the link is this request's own URL with the cursor replaced; it names
 * the public host only when Spring's forwarded-header handling is on (behind a proxy).
 */
final class HfLinks {

    static final String CURSOR = "cursor";

    private HfLinks() {
    }

    static String next(HttpServletRequest request, int nextOffset) {
        return next(request, CURSOR, nextOffset);
    }

    /**
     * The link to this request with {@code parameter} (a cursor or a page number) set to {@code value}.
     * Built from the query string as sent, so array-style names ({@code expand[]}, which Tomcat lets
     * through raw) keep working; their brackets are percent-encoded, as RFC 3986 wants in a query.
     */
    static String next(HttpServletRequest request, String parameter, long value) {
        StringJoiner query = new StringJoiner("&");
        String sent = request.getQueryString();
        for (String pair : sent == null ? new String[0] : sent.split("&")) {
            String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            if (!pair.isEmpty() && !name.equals(parameter)) {
                query.add(pair.replace("[", "%5B").replace("]", "%5D"));
            }
        }
        query.add(parameter + "=" + value);
        String url = ServletUriComponentsBuilder.fromRequestUri(request).replaceQuery(null).build().toUriString()
                + "?" + query;
        return "<" + url + ">; rel=\"next\"";
    }

    /** The offset a {@code cursor} parameter names; 0 when absent or malformed. */
    static int offset(String cursor) {
        if (cursor == null || !cursor.matches("\\d{1,9}")) {
            return 0;
        }
        return Integer.parseInt(cursor);
    }
}
