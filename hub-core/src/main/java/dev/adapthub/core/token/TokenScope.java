package dev.adapthub.core.token;

/** What a personal access token may do. */
public enum TokenScope {
    /** Read repositories the owner can read (clone, download, API reads). */
    READ,
    /** Also push, upload and change things through the API. */
    WRITE;

    public boolean allows(TokenScope needed) {
        return this == WRITE || needed == READ;
    }
}
