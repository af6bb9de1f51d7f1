package dev.adapthub.core.testsupport;

import org.junit.jupiter.api.Assumptions;

/**
 * What to do when a real part a test needs (PostgreSQL, Chromium, git, git-lfs, node) is missing:
 * in CI ({@code CI=true}, as {@code .ci/run} sets it) the test fails, because CI must run it;
 * on a developer's machine it is skipped, and the skip reason says how to install the part.
 */
public final class TestRequirements {

    private TestRequirements() {
    }

    /** Fails in CI, else skips the calling test with {@code why}; never returns normally. */
    public static void unavailable(String why) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(why);
        }
        Assumptions.abort(why);
    }
}
