package dev.adapthub.web.hf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Git's own attribute and ignore rules decide, as {@code git lfs track} and {@code git add} would. */
class UploadRulesTest {

    @Test
    void theLastMatchingLineDecidesAndPatternsFollowGitattributes() {
        UploadRules rules = UploadRules.of("""
                *.bin filter=lfs diff=lfs merge=lfs -text
                weights/** filter=lfs -text
                weights/small.bin -filter
                /top.onnx filter=lfs
                # *.txt filter=lfs
                """, null);

        assertThat(rules.lfs("model.bin")).isTrue();
        assertThat(rules.lfs("deep/in/model.bin")).as("a name pattern matches in every folder").isTrue();
        assertThat(rules.lfs("weights/a/b.json")).isTrue();
        assertThat(rules.lfs("weights/small.bin")).as("a later -filter unsets it").isFalse();
        assertThat(rules.lfs("top.onnx")).isTrue();
        assertThat(rules.lfs("sub/top.onnx")).as("a leading / anchors at the root").isFalse();
        assertThat(rules.lfs("notes.txt")).as("comments are not rules").isFalse();
    }

    @Test
    void ignoredPathsFollowGitignoreIncludingNegation() {
        UploadRules rules = UploadRules.of(null, "*.log\n!keep.log\ncache/\n");

        assertThat(rules.ignored("run.log")).isTrue();
        assertThat(rules.ignored("logs/run.log")).isTrue();
        assertThat(rules.ignored("keep.log")).isFalse();
        assertThat(rules.ignored("model.bin")).isFalse();
        assertThat(UploadRules.of(null, null).ignored("run.log")).isFalse();
    }
}
