package dev.adapthub.chips.numerics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LayerShapeTest {

    private static final LayerShape LLAMA = LayerShape.dense(4096, 32, 8, 128, 14336, 1e-5, 500_000);

    @Test
    void kvHeadsThatDoNotDivideTheQueryHeadsAreRejected() {
        assertThatThrownBy(() -> LayerShape.dense(4096, 32, 6, 128, 14336, 1e-5, 10_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("numKvHeads (6) must divide numHeads (32)")
                .hasMessageContaining("num_key_value_heads");
    }

    @Test
    void oddHeadDimIsRejectedBecauseRopeRotatesPairs() {
        assertThatThrownBy(() -> LayerShape.dense(4096, 32, 8, 127, 14336, 1e-5, 10_000))
                .hasMessageContaining("headDim (127) must be even");
    }

    @Test
    void expertsPerTokenMustFitTheExperts() {
        assertThatThrownBy(() -> LLAMA.withMoe(8, 9, 14336))
                .hasMessageContaining("expertsPerToken (9) must be between 1 and numExperts (8)");
        assertThatThrownBy(() -> new LayerShape(4096, 32, 8, 128, 14336, 0, 2, 1e-5, 1e4, 0, null))
                .hasMessageContaining("expertsPerToken (2) must be 0 for a dense layer");
    }

    @Test
    void allProblemsAreReportedAtOnce() {
        assertThatThrownBy(() -> new LayerShape(0, 32, 8, 128, -1, 0, 0, 0, -1, -5, null))
                .hasMessageStartingWith("Invalid layer shape: ")
                .hasMessageContaining("hiddenSize (0) must be > 0")
                .hasMessageContaining("intermediateSize (-1) must be > 0")
                .hasMessageContaining("normEps (0.0) must be in (0, 1)")
                .hasMessageContaining("ropeTheta (-1.0)")
                .hasMessageContaining("slidingWindow (-5)");
    }

    @Test
    void mlaDimsAreValidatedAndReplaceTheKvHeadChecks() {
        LayerShape.Mla dims = new LayerShape.Mla(512, 64, 128, 128);
        LayerShape mla = new LayerShape(7168, 128, 0, 0, 2048, 0, 0, 1e-6, 1e4, 0, dims);
        assertThat(mla.mla()).isEqualTo(dims);
        assertThatThrownBy(() -> LLAMA.withMla(new LayerShape.Mla(512, 63, 0, 128)))
                .hasMessageContaining("mla.qkRopeHeadDim (63) must be even")
                .hasMessageContaining("mla.qkNopeHeadDim (0) must be > 0");
    }

    @Test
    void precisionPlanRejectsAZeroGroupSize() {
        assertThatThrownBy(() -> new PrecisionPlan(NumericFormat.INT4, NumericFormat.BF16, NumericFormat.BF16, 0))
                .hasMessageContaining("groupSize (0) must be positive (e.g. 128) or -1");
        assertThat(PrecisionPlan.weightOnly(NumericFormat.INT4, 128, NumericFormat.FP16).label())
                .isEqualTo("w=int4/g128 a=fp16 kv=fp16");
    }

    @Test
    void checkOptionsRejectLongSequencesAndBadScales() {
        assertThatThrownBy(() -> new CheckOptions(4096, 1)).hasMessageContaining("sequenceLength (4096)");
        assertThatThrownBy(() -> new CheckOptions(16, 0)).hasMessageContaining("activationScale (0.0)");
    }
}
