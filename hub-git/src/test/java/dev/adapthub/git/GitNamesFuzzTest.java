package dev.adapthub.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.adapthub.git.internal.Texts;
import dev.adapthub.git.refs.RefNames;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;

/**
 * Fuzz targets for the two name rules every user-supplied path and ref passes through. The
 * contract: a name is either refused with {@link GitInvalidInputException} and a message, or
 * accepted, and then it obeys every rule the Javadoc promises and is stable (normalizing it again
 * changes nothing); an accepted ref name is one JGit accepts too. Any other exception is a finding.
 *
 * <p>{@code ./mvnw verify} fuzzes each target for 30 s (see docs/security.md); plain {@code test}
 * replays the seeds in {@code GitNamesFuzzTestInputs/}.
 */
class GitNamesFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void paths(@NotNull String path) throws Exception {
        String normalized;
        try {
            normalized = GitPaths.normalize(path);
        } catch (GitInvalidInputException refused) {
            assertThat(refused.getMessage()).startsWith("path ");
            assertThatCode(() -> GitPaths.normalizeFile(path)).isInstanceOf(GitInvalidInputException.class);
            return;
        }
        assertThat(GitPaths.normalize(normalized)).isEqualTo(normalized);
        assertThat(normalized).isIn(path, path.substring(0, Math.max(0, path.length() - 1)), "");
        if (normalized.isEmpty()) {
            assertThatCode(() -> GitPaths.normalizeFile(path)).isInstanceOf(GitInvalidInputException.class);
            return;
        }
        assertThat(GitPaths.normalizeFile(path)).isEqualTo(normalized);
        assertThat(Texts.hasControlOrBrokenChars(normalized)).isFalse();
        assertThat(normalized.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(GitPaths.MAX_PATH_BYTES);
        assertThat(normalized).doesNotStartWith("/").doesNotEndWith("/").doesNotContain("\\");
        for (String segment : normalized.split("/", -1)) {
            assertThat(segment).isNotEmpty().isNotIn(".", "..");
            assertThat(segment.toLowerCase(Locale.ROOT)).isNotEqualTo(".git");
            assertThat(segment.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(GitPaths.MAX_SEGMENT_BYTES);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void refNames(@NotNull String name) throws Exception {
        checkRef(name, () -> RefNames.checkRefName(name));
        checkRef(name, () -> RefNames.branchRef(name));
        checkRef(name, () -> RefNames.tagRef(name));
        RefNames.prNumber(name).ifPresent(n -> assertThat(RefNames.PR_PREFIX + n).isEqualTo(name));
    }

    private interface RefRule {
        String apply() throws GitInvalidInputException;
    }

    private static void checkRef(String input, RefRule rule) {
        String ref;
        try {
            ref = rule.apply();
        } catch (GitInvalidInputException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(ref).startsWith(Constants.R_REFS).endsWith(input.substring(input.lastIndexOf('/') + 1));
        assertThat(Repository.isValidRefName(ref)).as("JGit accepts %s", ref).isTrue();
        assertThat(Texts.hasControlOrBrokenChars(ref)).isFalse();
        assertThat(ref).doesNotContain("..");
        assertThat(ref.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(RefNames.MAX_LENGTH);
        if (ref.startsWith(RefNames.PR_PREFIX)) {
            assertThat(RefNames.prNumber(ref)).isPresent();
        }
    }
}
