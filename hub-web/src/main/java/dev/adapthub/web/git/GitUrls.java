package dev.adapthub.web.git;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises Git smart-HTTP and LFS request paths: {@code /{owner}/{name}.git/...} and, as on
 * Hugging Face, the same without {@code .git}, with {@code datasets/} and {@code tools/} prefixes.
 */
final class GitUrls {

    /** A Git request: the repository part and the protocol part after it. */
    record GitRequest(String repository, String protocolPath) {

        boolean isPush() {
            return protocolPath.endsWith("/git-receive-pack");
        }

        boolean isLfs() {
            return protocolPath.startsWith("/info/lfs");
        }
    }

    private static final Pattern GIT = Pattern.compile(
            "^/((?:datasets/|tools/)?[^/]+/[^/]+?)(?:\\.git)?(/info/refs|/git-upload-pack|/git-receive-pack|/info/lfs(?:/.*)?)$");

    private GitUrls() {
    }

    static Optional<GitRequest> parse(String path) {
        Matcher matcher = GIT.matcher(path);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new GitRequest(matcher.group(1), matcher.group(2)));
    }

    static boolean isGitPath(String path) {
        return parse(path).isPresent() || path.endsWith(".git");
    }
}
