package dev.adapthub.git.lfs;

import static dev.adapthub.git.internal.Texts.quote;

import dev.adapthub.git.GitInvalidInputException;

import java.util.Objects;

/** A Git LFS object id: the SHA-256 of the content, as 64 lowercase hex digits. */
public record LfsOid(String hex) {

    public LfsOid {
        Objects.requireNonNull(hex, "hex");
        if (!isValid(hex)) {
            throw new IllegalArgumentException("not an LFS oid: " + quote(hex));
        }
    }

    /** @throws GitInvalidInputException unless {@code text} is 64 lowercase hex digits */
    public static LfsOid parse(String text) throws GitInvalidInputException {
        if (text == null || !isValid(text)) {
            throw new GitInvalidInputException("LFS oid " + quote(text)
                    + " is not a SHA-256 (64 lowercase hex digits)");
        }
        return new LfsOid(text);
    }

    public static boolean isValid(String text) {
        if (text.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return hex;
    }
}
