package dev.adapthub.git.http;

/** The conditional request headers a download honours: {@code If-None-Match} and {@code If-Range}. */
public final class Conditionals {

    private Conditionals() {
    }

    /** True when {@code If-None-Match} lists {@code etag} (weakly compared, as RFC 9110 asks) or is {@code *}. */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** A {@code Range} counts only when {@code If-Range} is absent or names the current (strong) ETag. */
    public static boolean rangeApplies(String ifRange, String etag) {
        return ifRange == null || ifRange.trim().equals(etag);
    }
}
