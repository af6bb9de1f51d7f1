package dev.adapthub.web.body;

/**
 * The most bytes one kind of request may send as its body: {@code anonymous} before the caller
 * has authenticated, {@code signedIn} after. Every read of a body is decided by who the caller is
 * at that moment, so a body read before authentication gets the anonymous bound.
 *
 * @param route what the request is, as the refusal names it ("API request", "NDJSON commit", ...)
 * @param anonymous bytes for a caller without credentials
 * @param signedIn bytes for an authenticated caller
 * @param advice what to do instead when a body is too large
 */
public record BodyLimit(String route, long anonymous, long signedIn, String advice) {

    public BodyLimit {
        if (anonymous < 0 || signedIn < 0) {
            throw new IllegalArgumentException("body limits are not negative");
        }
    }

    /** The most any caller may send: a longer declared body is refused before anyone looks at the caller. */
    long most() {
        return Math.max(anonymous, signedIn);
    }

    long forCaller(boolean authenticated) {
        return authenticated ? signedIn : anonymous;
    }

    /** A size as people read it: {@code 64 KiB}, {@code 2 MiB}, {@code 1000 bytes}. */
    static String size(long bytes) {
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GiB";
        }
        if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1L << 10 && bytes % (1L << 10) == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " bytes";
    }
}
