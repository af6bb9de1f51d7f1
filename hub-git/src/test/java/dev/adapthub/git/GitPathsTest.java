package dev.adapthub.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class GitPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"../etc/passwd", "a/../../b", "a/./b", "/etc/passwd", "a\\..\\b", "a\u0000b",
            "a//b", ".git/config", "a/.GIT/hooks", "a\nb", "\ud800broken"})
    void refusesTraversalAbsoluteAndHostilePaths(String path) {
        assertThatThrownBy(() -> GitPaths.normalize(path)).isInstanceOf(GitInvalidInputException.class)
                .hasMessageStartingWith("path ");
    }

    @Test
    void refusesOverlongPathsAndNames() {
        assertThatThrownBy(() -> GitPaths.normalize("a/".repeat(2100) + "b")).hasMessageContaining("longer than 4096");
        assertThatThrownBy(() -> GitPaths.normalize("x".repeat(256))).hasMessageContaining("longer than 255");
    }

    @Test
    void acceptsOrdinaryPathsAndKeepsEncodedFormsLiteral() throws Exception {
        assertThat(GitPaths.normalize(null)).isEmpty();
        assertThat(GitPaths.normalize("")).isEmpty();
        assertThat(GitPaths.normalize("configs/")).isEqualTo("configs");
        assertThat(GitPaths.normalize("configs/ascend 910b.yaml")).isEqualTo("configs/ascend 910b.yaml");
        assertThat(GitPaths.normalize("模型/说明.md")).isEqualTo("模型/说明.md");
        // Decoding is the caller's job: an undecoded %2e%2e is just an odd file name here.
        assertThat(GitPaths.normalize("%2e%2e/x")).isEqualTo("%2e%2e/x");
        assertThatThrownBy(() -> GitPaths.normalizeFile("/")).isInstanceOf(GitInvalidInputException.class);
    }
}
