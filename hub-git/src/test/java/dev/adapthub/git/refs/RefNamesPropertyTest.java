package dev.adapthub.git.refs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adapthub.git.GitInvalidInputException;
import dev.adapthub.git.GitPaths;

import java.nio.charset.StandardCharsets;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.eclipse.jgit.lib.Repository;

/** Properties of the ref name rules, over names built from the characters Git treats specially. */
class RefNamesPropertyTest {

    /** Ordinary pieces first and three times, so that about half of the names are valid. */
    static final List<String> PIECES = List.of("main", "feature", "v1", "a", "Z", "9", "/", "-", "_", "é",
            "main", "feature", "v1", "a", "Z", "9", "/", "-", "_", "模",
            "main", "feature", "v1", "a", "Z", "9", "/", "-", "_", ".", "..",
            "~", "^", ":", "?", "*", "[", "\\", "@", "{", "@{", " ", ".lock", "\u0000", "\u007F", "\t", "\u200D",
            "\uFEFF", "\u202E", "é", "模", "refs/", "heads/", "pr/", "0", "01");

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of(PIECES).list().ofMinSize(1).ofMaxSize(8).map(parts -> String.join("", parts));
    }

    @Property(tries = 2000, maxDiscardRatio = 20)
    void anAcceptedRefNameIsValidForJGitAndBounded(@ForAll("names") String tail) {
        String name = "refs/heads/" + tail;
        String accepted = acceptedOrNull(name);
        Assume.that(accepted != null);
        assertThat(Repository.isValidRefName(accepted)).isTrue();
        assertThat(accepted).doesNotContain("..");
        assertThat(accepted.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(RefNames.MAX_LENGTH);
        assertThat(accepted.codePoints()).noneMatch(cp -> Character.isISOControl(cp) || GitPaths.isIgnorable(cp));
    }

    @Property
    void anythingOtherThanAValidNameIsRefusedWithTheHubsOwnException(@ForAll("names") String name) {
        try {
            RefNames.checkRefName(name);
            assertThat(name).startsWith("refs/");
        } catch (GitInvalidInputException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Property
    void branchRefIsIdempotent(@ForAll("names") String branch) throws Exception {
        String full;
        try {
            full = RefNames.branchRef(branch);
        } catch (GitInvalidInputException refused) {
            return;
        }
        assertThat(full).startsWith("refs/heads/");
        assertThat(RefNames.branchRef(full)).isEqualTo(full);
    }

    @Property(maxDiscardRatio = 20)
    void anInvisibleCodePointMakesAnAcceptedBranchNameRefused(@ForAll("names") String branch,
            @ForAll("invisible") String invisible, @ForAll @LongRange(min = 0, max = 64) long at) {
        Assume.that(acceptedOrNull("refs/heads/" + branch) != null);
        int i = (int) (at % (branch.length() + 1));
        String spoof = branch.substring(0, i) + invisible + branch.substring(i);
        assertThatThrownBy(() -> RefNames.branchRef(spoof)).isInstanceOf(GitInvalidInputException.class)
                .hasMessageContaining("invisible");
    }

    @Provide
    Arbitrary<String> invisible() {
        return Arbitraries.of("\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u202E", "\u180E");
    }

    @Property
    void pullRequestRefsRoundTrip(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE / 10) long number) throws Exception {
        String ref = RefNames.prRef(number);
        assertThat(RefNames.prNumber(ref)).hasValue(number);
        assertThat(RefNames.checkRefName(ref)).isEqualTo(ref);
    }

    private static String acceptedOrNull(String name) {
        try {
            return RefNames.checkRefName(name);
        } catch (GitInvalidInputException refused) {
            return null;
        }
    }
}
