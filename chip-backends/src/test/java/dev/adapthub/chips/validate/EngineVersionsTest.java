package dev.adapthub.chips.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.chips.ChipBackends;
import dev.adapthub.chips.TestConfigs;
import dev.adapthub.chips.TestModels;
import dev.adapthub.chips.config.InferenceConfigParser;
import org.junit.jupiter.api.Test;

/** The engine version is an input: the same config behaves as that version of the engine would. */
class EngineVersionsTest {

    private final Validator validator = ChipBackends.validator(ChipBackends.load());

    private ValidationReport validate(String model, String chip, String engine, String version, String... lines)
            throws Exception {
        String yaml = TestConfigs.yaml(chip, engine, lines);
        if (version != null) {
            yaml = yaml.replace("engine: {name: " + engine + "}", "engine: {name: " + engine + ", version: \"" + version + "\"}");
        }
        return validator.validate(InferenceConfigParser.parse(yaml), TestModels.load(model));
    }

    @Test
    void v0ProfilesTheWholeContextWhileV1ChunksIt() throws Exception {
        String[] lines = {"precision: {weights: bf16}", "limits: {maxModelLen: 29000, blockSize: 16}"};
        ValidationReport v0 = validate("llama-3.1-8b", "nvidia-rtx-3090", "vllm", "0.6.4", lines);
        ValidationReport v1 = validate("llama-3.1-8b", "nvidia-rtx-3090", "vllm", "0.9.2", lines);
        assertThat(v0.memory().fits()).as("vLLM 0.6 profiles 29,000 batched tokens (vllm#10517)").isFalse();
        assertThat(v1.memory().fits()).as("V1 profiles 2,048 on a 24 GiB card").isTrue();
        assertThat(v1.memory().activationBytes()).isLessThan(v0.memory().activationBytes() / 5);
    }

    @Test
    void mlaCachesTheLatentOnlyFromVllm071() throws Exception {
        ValidationReport old = validate("deepseek-v2-lite", "nvidia-a100-80g-sxm", "vllm", "0.6.4", "limits: {maxModelLen: 8192}");
        ValidationReport mla = validate("deepseek-v2-lite", "nvidia-a100-80g-sxm", "vllm", "0.7.3", "limits: {maxModelLen: 8192}");
        // 27 layers × 576 latent values × 2 bytes against 27 × 2 × 16 heads × 192 × 2 bytes
        assertThat(mla.memory().kvBytesPerToken()).isEqualTo(27L * 576 * 2);
        assertThat(old.memory().kvBytesPerToken()).isEqualTo(27L * 2 * 16 * 192 * 2);
    }

    @Test
    void anUnknownVersionIsAnInfoNamingTheModelledOne() throws Exception {
        ValidationReport r = validate("llama-2-7b", "nvidia-a100-80g-sxm", "vllm", "0.1.2", "limits: {maxModelLen: 4096}");
        assertThat(r.findings()).filteredOn(f -> f.code().equals(FindingCodes.ENGINE_VERSION_MODELLED))
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.INFO);
                    assertThat(f.message()).contains("0.1.2").contains("0.2.7");
                    assertThat(f.path()).isEqualTo("engine.version");
                });
        ValidationReport known = validate("llama-2-7b", "nvidia-a100-80g-sxm", "vllm", "0.6.4", "limits: {maxModelLen: 4096}");
        assertThat(known.findings()).noneMatch(f -> f.code().equals(FindingCodes.ENGINE_VERSION_MODELLED));
    }

    @Test
    void sglangAndLmdeploySizeTheirCacheTheirOwnWay() throws Exception {
        ValidationReport sglang = validate("llama-3.1-8b", "nvidia-h100-sxm", "sglang", "0.4.9",
                "limits: {maxModelLen: 8192}", "memory: {utilization: 0.9}");
        ValidationReport vllm = validate("llama-3.1-8b", "nvidia-h100-sxm", "vllm", "0.9.2",
                "limits: {maxModelLen: 8192}", "memory: {utilization: 0.9}");
        ValidationReport lmdeploy = validate("llama-3.1-8b", "nvidia-h100-sxm", "lmdeploy", "0.6.0",
                "limits: {maxModelLen: 8192}");
        assertThat(sglang.memory().activationBytes()).as("no profile run").isZero();
        assertThat(sglang.memory().kvCacheTokens()).isGreaterThan(vllm.memory().kvCacheTokens());
        assertThat(sglang.memory().blockSize()).isEqualTo(1);
        assertThat(lmdeploy.memory().blockSize()).isEqualTo(64);
        double free = lmdeploy.memory().totalBytes() - lmdeploy.memory().weightsBytes() - lmdeploy.memory().overheadBytes();
        assertThat((double) lmdeploy.memory().kvCacheBytes()).isCloseTo(0.8 * free, org.assertj.core.data.Percentage.withPercentage(0.1));
        assertThat(sglang.verdict()).isNotEqualTo(ValidationReport.Verdict.FAIL);
    }
}
