package dev.adapthub.chips.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.chips.ChipBackends;
import dev.adapthub.chips.TestModels;
import dev.adapthub.chips.config.ConfigException;
import dev.adapthub.chips.config.InferenceConfigParser;
import dev.adapthub.chips.spi.MemoryPlan;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/**
 * Public vLLM logs the memory plan must reproduce within 5% (KV-cache tokens), and every known
 * "does not fit" must be predicted as not fitting.
 */
class FidelityTest {

    private final Validator validator = ChipBackends.validator(ChipBackends.load());

    /** vLLM reported 7,351 blocks of 16 = 117,616 tokens (Llama-2-7B fp16, A100 80GB, util 0.9, max len 4096). */
    @Test
    void llama2On_a100() throws ConfigException {
        MemoryPlan p = plan("llama-2-7b", """
                apiVersion: adapthub/v1
                kind: InferenceConfig
                model: {config: config.json}
                target: {chip: nvidia-a100-80g-sxm}
                engine: {name: vllm, version: "0.6.4"}
                precision: {weights: fp16}
                limits: {maxModelLen: 4096, blockSize: 16}
                memory: {utilization: 0.9}
                """);
        assertThat((double) p.kvCacheTokens()).isCloseTo(117_616, Percentage.withPercentage(5));
        assertThat((double) p.kvCacheBlocks()).isCloseTo(7_351, Percentage.withPercentage(5));
        assertThat(p.fits()).isTrue();
    }

    /**
     * vllm-project/vllm#10517 (vLLM 0.6.4, RTX 3090, 23.58 GiB): Llama-3.1-8B bf16, util 0.9:
     * max len 20,000 gives 1,952 blocks = 31,232 tokens and fits; 29,000 leaves 23,648 tokens
     * and does not fit.
     */
    @Test
    void llama31On_rtx3090() throws ConfigException {
        MemoryPlan ok = plan("llama-3.1-8b", rtx3090(20_000));
        assertThat((double) ok.kvCacheTokens()).isCloseTo(31_232, Percentage.withPercentage(5));
        assertThat(ok.fits()).isTrue();
        MemoryPlan tooLong = plan("llama-3.1-8b", rtx3090(29_000));
        assertThat((double) tooLong.kvCacheTokens()).isCloseTo(23_648, Percentage.withPercentage(5));
        assertThat(tooLong.fits()).isFalse();
        // the same issue: 35,000 fits again, because vLLM 0.6 turns on chunked prefill above 32K
        MemoryPlan chunked = plan("llama-3.1-8b", rtx3090(35_000));
        assertThat(chunked.fits()).isTrue();
        assertThat(tooLong.largestMaxModelLen()).isGreaterThanOrEqualTo(35_000);
    }

    private static String rtx3090(int maxModelLen) {
        return """
                apiVersion: adapthub/v1
                kind: InferenceConfig
                model: {config: config.json}
                target: {chip: nvidia-rtx-3090}
                engine: {name: vllm, version: "0.6.4"}
                precision: {weights: bf16}
                limits: {maxModelLen: %d, blockSize: 16}
                memory: {utilization: 0.9}
                """.formatted(maxModelLen);
    }

    private MemoryPlan plan(String model, String yaml) throws ConfigException {
        ValidationReport r = validator.validate(InferenceConfigParser.parse(yaml), TestModels.load(model));
        return r.memory();
    }
}
