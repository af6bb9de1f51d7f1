package dev.adapthub.core.pull.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.repo.RepoPermission;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProtectionRuleTest {

    private static ProtectionRule rule(String pattern) {
        return new ProtectionRule(pattern, 1, true, true, false, RepoPermission.MAINTAIN, RepoPermission.MAINTAIN);
    }

    @Test
    void aPatternMatchesItsBranchOrAStarWithinOneSegment() {
        assertThat(rule("main").matches("main")).isTrue();
        assertThat(rule("main").matches("main2")).isFalse();
        assertThat(rule("release/*").matches("release/1.0")).isTrue();
        assertThat(rule("release/*").matches("release/1.0/hotfix")).isFalse();
        assertThat(rule("v*.x").matches("v1.x")).isTrue();
    }

    @Test
    void starsMatchAnyRunWithinAFolderNameIncludingNothing() {
        assertThat(rule("*").matches("anything-at-all")).isTrue();
        assertThat(rule("*").matches("feature/x")).isFalse();
        assertThat(rule("rel*/*-lts").matches("release/2-lts")).isTrue();
        assertThat(rule("rel*/*-lts").matches("release/2-lts-old")).isFalse();
        assertThat(rule("a*b*c").matches("abc")).isTrue();
        assertThat(rule("a*b*c").matches("axxbyyc")).isTrue();
        assertThat(rule("a*b*c").matches("axxbyy")).isFalse();
    }

    /**
     * A hostile pattern once took 37 s per push through a backtracking regular expression (found in
     * review); the matcher must answer such input at once. The bound is generous: it guards against
     * exponential time, it does not measure speed.
     */
    @Test
    void aPatternBuiltToBacktrackIsAnsweredAtOnce() {
        ProtectionRule hostile = rule("a" + "*-".repeat(90) + "x");
        String branch = "a" + "-".repeat(120);

        boolean matched = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> hostile.matches(branch));

        assertThat(matched).isFalse();
        assertThat(hostile.matches(branch + "x")).isTrue();
    }

    @Test
    void malformedRulesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> rule("../main")).isInstanceOf(InvalidInputException.class)
                .extracting("field").isEqualTo("pattern");
        assertThatThrownBy(() -> rule("a b")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new ProtectionRule("main", 21, true, true, false, RepoPermission.MAINTAIN,
                RepoPermission.MAINTAIN)).extracting("field").isEqualTo("requiredApprovals");
        assertThatThrownBy(() -> new ProtectionRule("main", 1, true, true, false, RepoPermission.READ,
                RepoPermission.MAINTAIN)).extracting("field").isEqualTo("mergePermission");
    }
}
