package dev.adapthub.core.pull.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.repo.RepoPermission;
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
