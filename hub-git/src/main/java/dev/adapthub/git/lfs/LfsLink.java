package dev.adapthub.git.lfs;

import java.net.URI;
import java.util.Objects;

/**
 * A short-lived, self-authorizing link to an object's bytes (a presigned URL): whoever holds it
 * may use it until it expires, so it is handed only to callers the hub has authorized.
 *
 * @param href the absolute URL
 * @param expiresInSeconds how long it stays valid from now
 */
public record LfsLink(URI href, long expiresInSeconds) {

    public LfsLink {
        Objects.requireNonNull(href, "href");
    }
}
