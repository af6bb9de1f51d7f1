package dev.adapthub.git.refs;

import static dev.adapthub.git.internal.Texts.quote;

import dev.adapthub.git.GitInvalidInputException;
import dev.adapthub.git.GitPaths;
import dev.adapthub.git.internal.Texts;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;

/**
 * Ref name rules of the hub: everything JGit's {@link Repository#isValidRefName} demands, plus
 * no control characters, no unpaired surrogates (the name must be valid UTF-8), no invisible code
 * points ({@link GitPaths#isIgnorable}: {@code ma\u200Din} would pose as {@code main} and escape the
 * rules that protect it), no {@code ..} and at most {@value #MAX_LENGTH} UTF-8 bytes. Pull request
 * heads are {@code refs/pr/{n}}.
 */
public final class RefNames {
    public static final String DEFAULT_BRANCH = "main";
    public static final String PR_PREFIX = "refs/pr/";
    public static final int MAX_LENGTH = 255;

    private RefNames() {
    }

    /** {@code main} or {@code refs/heads/main} → {@code refs/heads/main}, validated. */
    public static String branchRef(String branch) throws GitInvalidInputException {
        requireText(branch, "branch name");
        String full = branch.startsWith(Constants.R_HEADS) ? branch : Constants.R_HEADS + branch;
        return checkRefName(full);
    }

    /** {@code v1} or {@code refs/tags/v1} → {@code refs/tags/v1}, validated. */
    public static String tagRef(String tag) throws GitInvalidInputException {
        requireText(tag, "tag name");
        String full = tag.startsWith(Constants.R_TAGS) ? tag : Constants.R_TAGS + tag;
        return checkRefName(full);
    }

    /** The head ref of pull request {@code number} (from 1). */
    public static String prRef(long number) throws GitInvalidInputException {
        if (number < 1) {
            throw new GitInvalidInputException("pull request number must be 1 or more, was " + number);
        }
        return PR_PREFIX + number;
    }

    /** The pull request number of {@code refs/pr/{n}}, or empty for any other ref. */
    public static OptionalLong prNumber(String refName) {
        if (refName == null || !refName.startsWith(PR_PREFIX)) {
            return OptionalLong.empty();
        }
        String digits = refName.substring(PR_PREFIX.length());
        if (digits.isEmpty() || digits.length() > 18 || digits.startsWith("0")
                || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(digits));
    }

    /**
     * Validates a full ref name ({@code refs/...}).
     *
     * @return the name, unchanged
     * @throws GitInvalidInputException naming the rule that was broken
     */
    public static String checkRefName(String name) throws GitInvalidInputException {
        requireText(name, "ref name");
        if (!name.startsWith(Constants.R_REFS)) {
            throw new GitInvalidInputException("ref name " + quote(name) + " must start with refs/");
        }
        if (name.startsWith(PR_PREFIX) && prNumber(name).isEmpty()) {
            throw new GitInvalidInputException("pull request ref " + quote(name)
                    + " must be refs/pr/ followed by a number without leading zeros");
        }
        if (!Repository.isValidRefName(name)) {
            throw new GitInvalidInputException("ref name " + quote(name)
                    + " is not valid in Git (no spaces, '~', '^', ':', '?', '*', '[', '\\', '@{',"
                    + " no '.lock' suffix, no component starting with '.')");
        }
        return name;
    }

    private static void requireText(String name, String what) throws GitInvalidInputException {
        if (name == null || name.isEmpty()) {
            throw new GitInvalidInputException(what + " is empty");
        }
        if (Texts.hasControlOrBrokenChars(name)) {
            throw new GitInvalidInputException(what + " " + quote(name)
                    + " contains control characters or is not valid UTF-8");
        }
        if (name.codePoints().anyMatch(GitPaths::isIgnorable)) {
            int cp = name.codePoints().filter(GitPaths::isIgnorable).findFirst().orElseThrow();
            throw new GitInvalidInputException(what + " " + quote(name) + " contains an invisible character ("
                    + String.format("U+%04X", cp) + "); type the name without it");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_LENGTH) {
            throw new GitInvalidInputException(what + " " + quote(name) + " is longer than "
                    + MAX_LENGTH + " bytes");
        }
        if (name.contains("..")) {
            throw new GitInvalidInputException(what + " " + quote(name) + " must not contain '..'");
        }
    }
}
