package dev.adapthub.chips.perf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.chips.ChipBackends;
import dev.adapthub.chips.TestConfigs;
import dev.adapthub.chips.TestModels;
import dev.adapthub.chips.config.ConfigException;
import dev.adapthub.chips.config.InferenceConfigParser;
import dev.adapthub.chips.spi.PerformanceEstimate;
import dev.adapthub.chips.validate.ValidationReport;
import dev.adapthub.chips.validate.Validator;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/** Published decode speeds the estimate must reproduce within 20%. */
class PublishedRunsTest {

    private final Validator validator = ChipBackends.validator(ChipBackends.load());

    /** gpt-fast README: Llama-2-7B fp16, batch 1, RTX 4090: 15.4 ms per token (about 90% of the bandwidth limit). */
    @Test
    void llama2OnRtx4090AtBatchOne() throws ConfigException {
        PerformanceEstimate p = estimate("llama-2-7b", TestConfigs.yaml("nvidia-rtx-4090", "vllm",
                "precision: {weights: fp16}", "limits: {maxModelLen: 4096}",
                "workload: {inputTokens: 16, outputTokens: 200, concurrency: 1}"));
        assertThat(p.decodeMsPerToken()).isCloseTo(15.4, Percentage.withPercentage(20));
        assertThat(p.bound()).isEqualTo("memory");
        assertThat(p.concurrency()).isEqualTo(1);
        assertThat(p.outputTokensPerSecond()).isCloseTo(1000 / p.decodeMsPerToken(), Percentage.withPercentage(0.01));
    }

    /**
     * vllm-ascend 0.7.3 on a 910B: Qwen2.5-VL-7B (its language model is Qwen2.5-7B's shape) at about
     * 31 ms per token at low load, a third of the 1.6 TB/s bandwidth limit.
     */
    @Test
    void qwenOn910bWithVllmAscend() throws ConfigException {
        PerformanceEstimate p = estimate("qwen2.5-7b", TestConfigs.yaml("ascend-910b3", "vllm-ascend",
                "precision: {weights: bf16}", "limits: {maxModelLen: 8192}",
                "workload: {inputTokens: 512, outputTokens: 256, concurrency: 1}"));
        assertThat(p.decodeMsPerToken()).isCloseTo(31, Percentage.withPercentage(20));
        assertThat(p.bound()).isEqualTo("memory");
    }

    /** More users share each weight read: per-sequence step time grows far slower than throughput. */
    @Test
    void concurrencyRaisesThroughputUntilComputeBinds() throws ConfigException {
        PerformanceEstimate one = h100(1);
        PerformanceEstimate many = h100(64);
        assertThat(many.concurrency()).isEqualTo(64);
        assertThat(many.outputTokensPerSecond()).isGreaterThan(20 * one.outputTokensPerSecond());
        assertThat(many.ttftMs()).isGreaterThan(one.ttftMs());
        PerformanceEstimate prefillHeavy = estimate("llama-3.1-8b", TestConfigs.yaml("nvidia-h100-sxm", "vllm",
                "limits: {maxModelLen: 8192, maxNumSeqs: 512}",
                "workload: {inputTokens: 64, outputTokens: 64, concurrency: 512}"));
        assertThat(prefillHeavy.bound()).isEqualTo("compute");
        PerformanceEstimate longContext = estimate("llama-3.1-8b", TestConfigs.yaml("nvidia-h100-sxm", "vllm",
                "limits: {maxModelLen: 8192, maxNumSeqs: 512}",
                "workload: {inputTokens: 4096, outputTokens: 64, concurrency: 512}"));
        assertThat(longContext.bound()).as("at long contexts every step streams the KV cache").isEqualTo("memory");
        assertThat(longContext.concurrency()).as("capped by the KV cache").isLessThan(512);
    }

    /**
     * Chunked prefill: a smaller batched-token budget cannot make the first token come sooner, and
     * tiny chunks re-read the weights so often that prefill becomes memory-bound and slower.
     */
    @Test
    void smallerChunksDelayTheFirstToken() throws ConfigException {
        PerformanceEstimate wide = estimate("llama-3.1-8b", TestConfigs.yaml("nvidia-a100-80g-sxm", "vllm",
                "limits: {maxModelLen: 8192, maxBatchedTokens: 8192}",
                "workload: {inputTokens: 4096, outputTokens: 64, concurrency: 8}"));
        PerformanceEstimate narrow = estimate("llama-3.1-8b", TestConfigs.yaml("nvidia-a100-80g-sxm", "vllm",
                "limits: {maxModelLen: 8192, maxBatchedTokens: 512}",
                "workload: {inputTokens: 4096, outputTokens: 64, concurrency: 8}"));
        PerformanceEstimate tiny = estimate("llama-3.1-8b", TestConfigs.yaml("nvidia-a100-80g-sxm", "vllm",
                "limits: {maxModelLen: 8192, maxBatchedTokens: 32}",
                "workload: {inputTokens: 4096, outputTokens: 64, concurrency: 8}"));
        assertThat(narrow.prefillMs()).isGreaterThanOrEqualTo(wide.prefillMs() * (1 - 1e-12));
        assertThat(narrow.ttftMs()).isGreaterThanOrEqualTo(wide.ttftMs() * (1 - 1e-12));
        assertThat(tiny.prefillMs()).isGreaterThan(2 * wide.prefillMs());
        assertThat(wide.ttftMs()).isGreaterThan(wide.prefillMs());
    }

    /** Mixtral reads 2 of 8 experts per token at batch 1: faster than its 47B resident weights suggest. */
    @Test
    void moeReadsOnlyTheRoutedExpertsAtBatchOne() throws ConfigException {
        ValidationReport r = validator.validate(InferenceConfigParser.parse(TestConfigs.yaml("nvidia-h100-sxm", "vllm",
                "parallel: {tensor: 4}", "limits: {maxModelLen: 4096}",
                "workload: {inputTokens: 128, outputTokens: 128, concurrency: 1}")), TestModels.load("mixtral-8x7b"));
        double allWeightsMs = r.memory().weightsBytes() / 3350e9 * 1e3;
        assertThat(r.performance().decodeMsPerToken()).isLessThan(allWeightsMs);
    }

    private PerformanceEstimate h100(int concurrency) throws ConfigException {
        return estimate("llama-3.1-8b", TestConfigs.yaml("nvidia-h100-sxm", "vllm",
                "limits: {maxModelLen: 8192, maxNumSeqs: 256}",
                "workload: {inputTokens: 256, outputTokens: 256, concurrency: " + concurrency + "}"));
    }

    private PerformanceEstimate estimate(String model, String yaml) throws ConfigException {
        ValidationReport r = validator.validate(InferenceConfigParser.parse(yaml), TestModels.load(model));
        assertThat(r.performance()).as("performance of %s", r.findings()).isNotNull();
        return r.performance();
    }
}
