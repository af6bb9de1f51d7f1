package dev.adapthub.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest
    @ValueSource(strings = {"git~1/config", "GIT~1/hooks/x", ".git./config", ".git /config", ".git. ./config",
            ".g\u200Dit/config", ".git\u200C/config", "\u200B.git/x", ".gi\u2060t/x", ".g\u00ADit/x", ".g\u0131t/x",
            "\uFF0Egit/x", ".git\uFE0F/x", "a/.GIT\uFEFF"})
    void refusesToCreateAnySpellingOfDotGitNamingPathAndReason(String path) {
        assertThatThrownBy(() -> GitPaths.normalizeNewFile(path)).isInstanceOf(GitInvalidInputException.class)
                .hasMessageStartingWith("path '").hasMessageContaining("'.git'");
    }

    @Test
    void explainsWhyInWordsAUserCanActOn() {
        assertThatThrownBy(() -> GitPaths.normalizeNewFile(".g\u200Dit/config"))
                .hasMessageContaining("invisible character (U+200D)");
        assertThatThrownBy(() -> GitPaths.normalizeNewFile("git~1/config")).hasMessageContaining("short (8.3) name");
        assertThatThrownBy(() -> GitPaths.normalizeNewFile(".git. ./config")).hasMessageContaining("Windows drops");
        assertThatThrownBy(() -> GitPaths.normalizeNewFile("GITMOD~1")).hasMessageContaining("'.gitmodules'");
        assertThatThrownBy(() -> GitPaths.normalizeNewFile(".gitattributes ")).hasMessageContaining("'.gitattributes'");
        assertThatThrownBy(() -> GitPaths.normalizeNewFile("ckpt/step:100.bin"))
                .hasMessageContaining("not allowed in Windows filename");
        assertThatThrownBy(() -> GitPaths.normalizeNewFile("aux.json")).hasMessageContaining("Windows");
        assertThatThrownBy(() -> GitPaths.normalizeNewFile("a\u0085b")).hasMessageContaining("control characters");
        assertThatThrownBy(() -> GitPaths.normalizeNewFile(". \u200B./x")).hasMessageContaining("read as '.'");
    }

    @Test
    void createsOrdinaryAndInternationalNamesIncludingOnesWithJoiners() throws Exception {
        assertThat(GitPaths.normalizeNewFile("configs/ascend 910b.yaml")).isEqualTo("configs/ascend 910b.yaml");
        assertThat(GitPaths.normalizeNewFile(".gitattributes")).isEqualTo(".gitattributes");
        assertThat(GitPaths.normalizeNewFile(".gitmodules")).isEqualTo(".gitmodules");
        assertThat(GitPaths.normalizeNewFile(".github/workflows/ci.yml")).isEqualTo(".github/workflows/ci.yml");
        assertThat(GitPaths.normalizeNewFile("docs/می\u200Cخواهم.md")).isEqualTo("docs/می\u200Cخواهم.md");
        assertThat(GitPaths.normalizeNewFile("模型/说明.md")).isEqualTo("模型/说明.md");
        // Reading stays lenient, so a file that came in under an older rule can still be read and deleted.
        assertThat(GitPaths.normalizeFile("ckpt/step:100.bin")).isEqualTo("ckpt/step:100.bin");
    }

    @Test
    void aFileInsideAnotherWrittenFileIsRefused() throws Exception {
        assertThatThrownBy(() -> GitPaths.checkNoFileInsideFile(List.of("n.txt", "n.txt/x")))
                .isInstanceOf(GitInvalidInputException.class).hasMessageContaining("'n.txt/x'");
        GitPaths.checkNoFileInsideFile(List.of("n.txt", "n.txt.d/x", "n/x"));
    }
}
