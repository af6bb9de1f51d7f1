package dev.adapthub.git.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RepoNamesTest {

    @Test
    void stripsSlashesAndTheDotGitSuffix() {
        assertThat(RepoNames.fromPath("/alice/model.git/")).isEqualTo("alice/model");
        assertThat(RepoNames.fromPath("datasets/alice/data")).isEqualTo("datasets/alice/data");
    }

    @Test
    void aNameWithInvisibleControlOrDecomposedCharactersNamesNoRepository() {
        assertThat(RepoNames.fromPath("/alice/mo\u200Ddel.git")).isEmpty();
        assertThat(RepoNames.fromPath("/alice/model.git\u200C")).isEmpty();
        assertThat(RepoNames.fromPath("/alice/.g\u200Dit")).isEmpty();
        assertThat(RepoNames.fromPath("/alice/model\u0000")).isEmpty();
        assertThat(RepoNames.fromPath("/alice/mode\u0301l")).isEmpty();
    }
}
