package dev.adapthub.git;

import static dev.adapthub.git.internal.Texts.quote;

import dev.adapthub.git.internal.Texts;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * File paths inside a repository, as the hub accepts them from users.
 * <p>
 * A valid path is relative, uses {@code /} as separator, and has no empty, {@code .} or
 * {@code ..} segment, no backslash, no NUL or other control character, no segment named
 * {@code .git} (any case), is valid UTF-8, at most {@value #MAX_PATH_BYTES} bytes long with
 * segments of at most {@value #MAX_SEGMENT_BYTES} bytes. The empty string is the root folder.
 * <p>
 * <b>Callers decode first.</b> These rules look at the characters they are given: a URL-encoded
 * {@code %2e%2e} is an ordinary (odd) file name here. The web layer must percent-decode a path
 * exactly once before calling, so that an encoded traversal arrives as {@code ..} and is refused.
 */
public final class GitPaths {
    public static final int MAX_PATH_BYTES = 4096;
    public static final int MAX_SEGMENT_BYTES = 255;

    private GitPaths() {
    }

    /**
     * Validates a path; a single trailing {@code /} (folder links) is dropped.
     *
     * @param path a path, or null / "" for the root folder
     * @return the canonical path, "" for the root
     * @throws GitInvalidInputException naming the broken rule
     */
    public static String normalize(String path) throws GitInvalidInputException {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return "";
        }
        if (Texts.hasControlOrBrokenChars(path)) {
            throw invalid(path, "contains control characters or is not valid UTF-8");
        }
        if (path.getBytes(StandardCharsets.UTF_8).length > MAX_PATH_BYTES) {
            throw invalid(path, "is longer than " + MAX_PATH_BYTES + " bytes");
        }
        if (path.indexOf('\\') >= 0) {
            throw invalid(path, "contains a backslash; use '/' between folders");
        }
        if (path.startsWith("/")) {
            throw invalid(path, "is absolute; give it relative to the repository root");
        }
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (String segment : p.split("/", -1)) {
            if (segment.isEmpty()) {
                throw invalid(path, "has an empty folder name ('//')");
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw invalid(path, "has a '" + segment + "' segment; paths may not leave or refer to the current folder");
            }
            if (segment.toLowerCase(Locale.ROOT).equals(".git")) {
                throw invalid(path, "has a '.git' segment, which Git reserves");
            }
            if (segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
                throw invalid(path, "has a name longer than " + MAX_SEGMENT_BYTES + " bytes");
            }
        }
        return p;
    }

    /** Like {@link #normalize} but refuses the root folder: for files. */
    public static String normalizeFile(String path) throws GitInvalidInputException {
        String p = normalize(path);
        if (p.isEmpty()) {
            throw new GitInvalidInputException("a file path is required, got the repository root");
        }
        return p;
    }

    private static GitInvalidInputException invalid(String path, String why) {
        return new GitInvalidInputException("path " + quote(path) + " " + why);
    }
}
