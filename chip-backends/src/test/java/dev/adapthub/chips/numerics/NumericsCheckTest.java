package dev.adapthub.chips.numerics;

import static dev.adapthub.chips.numerics.NumericFormat.BF16;
import static dev.adapthub.chips.numerics.NumericFormat.FP16;
import static dev.adapthub.chips.numerics.NumericFormat.FP32;
import static dev.adapthub.chips.numerics.NumericFormat.INT4;
import static dev.adapthub.chips.numerics.NumericFormat.INT8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NumericsCheckTest {

    static final LayerShape LLAMA_8B = LayerShape.dense(4096, 32, 8, 128, 14336, 1e-5, 500_000);
    static final LayerShape MIXTRAL = LayerShape.dense(4096, 32, 8, 128, 14336, 1e-5, 1e6).withMoe(8, 2, 14336);
    static final LayerShape DEEPSEEK_V3 = LayerShape.dense(7168, 128, 128, 128, 2048, 1e-6, 1e4)
            .withMoe(256, 8, 2048).withMla(new LayerShape.Mla(512, 64, 128, 128));
    static final List<String> TENSORS = List.of("attn_out", "mlp_out", "layer_out", "kv_cache");

    @Test
    void fp32PlanMatchesTheFp64ReferenceAlmostExactly() {
        NumericsReport r = NumericsCheck.run(LLAMA_8B, PrecisionPlan.uniform(FP32), 1);
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        for (String name : TENSORS) {
            assertThat(r.tensor(name).maxRelError()).as(name).isLessThan(1e-5);
            assertThat(r.tensor(name).cosineSimilarity()).as(name).isGreaterThan(1 - 1e-9);
        }
    }

    @Test
    void bf16LosesMorePrecisionThanFp16OnWellScaledData() {
        NumericsReport bf16 = NumericsCheck.run(LLAMA_8B, PrecisionPlan.uniform(BF16), 2);
        NumericsReport fp16 = NumericsCheck.run(LLAMA_8B, PrecisionPlan.uniform(FP16), 2);
        for (String name : TENSORS) {
            // 3 fewer mantissa bits: about 8x the error
            assertThat(bf16.tensor(name).meanRelError()).as(name).isGreaterThan(4 * fp16.tensor(name).meanRelError());
        }
        assertThat(bf16.verdict()).isEqualTo(Verdict.PASS);
        assertThat(fp16.verdict()).isEqualTo(Verdict.PASS);
        assertThat(fp16.fp16Overflow()).isFalse();
    }

    @Test
    void int4WeightsLoseMoreThanInt8Weights() {
        NumericsReport int8 = NumericsCheck.run(LLAMA_8B, PrecisionPlan.weightOnly(INT8, 128, BF16), 3);
        NumericsReport int4 = NumericsCheck.run(LLAMA_8B, PrecisionPlan.weightOnly(INT4, 128, BF16), 3);
        for (String name : TENSORS) {
            assertThat(int4.tensor(name).meanRelError()).as(name).isGreaterThan(4 * int8.tensor(name).meanRelError());
        }
        assertThat(int4.tensor("mlp_out").cosineSimilarity()).isLessThan(int8.tensor("mlp_out").cosineSimilarity());
    }

    @Test
    void largeActivationsOverflowFp16ButNotBf16() {
        CheckOptions massive = CheckOptions.DEFAULT.withActivationScale(1e5);
        NumericsReport fp16 = NumericsCheck.run(LLAMA_8B, PrecisionPlan.uniform(FP16), 4, massive);
        NumericsReport bf16 = NumericsCheck.run(LLAMA_8B, PrecisionPlan.uniform(BF16), 4, massive);
        assertThat(fp16.referenceMaxAbs()).isGreaterThan(65504);
        assertThat(fp16.fp16Overflow()).isTrue();
        assertThat(fp16.warnings()).anyMatch(w -> w.startsWith("fp16 overflow") && w.contains("65504"));
        assertThat(fp16.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(fp16.tensor("layer_out").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(bf16.fp16Overflow()).isFalse();
        assertThat(bf16.verdict()).isEqualTo(Verdict.PASS);
        // JSON has no infinity: the overflowed errors are written as null
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> tensors = (List<Map<String, Object>>) fp16.toJsonMap().get("tensors");
        assertThat(tensors).anyMatch(t -> t.get("maxRelError") == null);
    }

    @Test
    void gqaWith32QueryAnd8KvHeadsRunsWithTheHeadLayoutKept() {
        NumericsReport r = NumericsCheck.run(LLAMA_8B, PrecisionPlan.uniform(BF16), 5);
        assertThat(r.scaledDims()).containsEntry("numHeads", 32).containsEntry("numKvHeads", 8);
        assertThat(r.routingAgreement()).isNaN();
        assertThat(r.tensors()).extracting(TensorError::name).containsExactlyElementsOf(TENSORS);
    }

    @Test
    void moeWith8ExpertsTop2RoutesTokensAndPasses() {
        NumericsReport r = NumericsCheck.run(MIXTRAL, PrecisionPlan.uniform(BF16), 6);
        assertThat(r.scaledDims()).containsEntry("numExperts", 8).containsEntry("expertsPerToken", 2);
        assertThat(r.routingAgreement()).isGreaterThanOrEqualTo(0.9);
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void mlaWithManyExpertsAndMqaRun() {
        NumericsReport mla = NumericsCheck.run(DEEPSEEK_V3, PrecisionPlan.uniform(BF16), 7);
        assertThat(mla.scaledDims()).containsEntry("numHeads", 128).containsKey("kvLoraRank");
        assertThat(mla.verdict()).isEqualTo(Verdict.PASS);
        NumericsReport mqa = NumericsCheck.run(LayerShape.dense(4544, 71, 1, 64, 18176, 1e-5, 1e4),
                PrecisionPlan.uniform(BF16), 7);
        assertThat(mqa.scaledDims()).containsEntry("numKvHeads", 1);
        assertThat(mqa.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void slidingWindowShorterThanTheSequenceChangesAttention() {
        PrecisionPlan plan = PrecisionPlan.uniform(BF16);
        NumericsReport full = NumericsCheck.run(LLAMA_8B, plan, 8);
        NumericsReport windowed = NumericsCheck.run(LLAMA_8B.withSlidingWindow(4), plan, 8);
        assertThat(windowed.tensor("attn_out").meanRelError()).isNotEqualTo(full.tensor("attn_out").meanRelError());
        assertThat(windowed.tensor("kv_cache")).isEqualTo(full.tensor("kv_cache")); // the cache does not see the mask
    }

    @Test
    void sameSeedGivesAnIdenticalReportAndAnotherSeedOtherNumbers() {
        PrecisionPlan plan = new PrecisionPlan(NumericFormat.FP8_E4M3, NumericFormat.FP8_E4M3, BF16, 128);
        NumericsReport a = NumericsCheck.run(MIXTRAL, plan, 11);
        NumericsReport b = NumericsCheck.run(MIXTRAL, plan, 11);
        NumericsReport c = NumericsCheck.run(MIXTRAL, plan, 12);
        assertThat(a).isEqualTo(b);
        assertThat(a.toJsonMap()).isEqualTo(b.toJsonMap());
        assertThat(c.tensor("attn_out").meanRelError()).isNotEqualTo(a.tensor("attn_out").meanRelError());
        assertThat(c.referenceMaxAbs()).isNotEqualTo(a.referenceMaxAbs());
    }

    @Test
    void jsonMapIsPlainAndComplete() {
        Map<String, Object> json = NumericsCheck.run(MIXTRAL, PrecisionPlan.weightOnly(INT4, 128, FP16), 13).toJsonMap();
        assertThat(json).containsKeys("plan", "verdict", "tensors", "thresholds", "fp16Overflow",
                "referenceMaxAbs", "routingAgreement", "warnings", "scaledDims");
        assertThat(json.get("plan")).isEqualTo("w=int4/g128 a=fp16 kv=fp16");
        @SuppressWarnings("unchecked")
        Map<String, Object> thresholds = (Map<String, Object>) json.get("thresholds");
        assertThat(thresholds.get("dominantFormat")).isEqualTo("int4");
    }
}
