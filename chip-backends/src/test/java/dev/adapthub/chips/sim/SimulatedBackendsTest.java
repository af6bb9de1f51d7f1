package dev.adapthub.chips.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.chips.ChipBackends;
import dev.adapthub.chips.TestConfigs;
import dev.adapthub.chips.TestModels;
import dev.adapthub.chips.validate.Finding;
import dev.adapthub.chips.validate.Severity;
import dev.adapthub.chips.validate.ValidationReport;
import dev.adapthub.chips.validate.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-family rules of the simulated backends, through the whole pipeline and the real catalog. */
class SimulatedBackendsTest {

    private static final Validator VALIDATOR = ChipBackends.validator(ChipBackends.load());

    private static ValidationReport run(String model, String chip, String engine, String... extra) {
        return VALIDATOR.validate(TestConfigs.yaml(chip, engine, extra), ref -> TestModels.load(model));
    }

    private static List<String> errors(ValidationReport r) {
        return r.findings().stream().filter(f -> f.severity() == Severity.ERROR).map(Finding::code).toList();
    }

    private static List<String> warnings(ValidationReport r) {
        return r.findings().stream().filter(f -> f.severity() == Severity.WARNING).map(Finding::code).toList();
    }

    @Test
    void everyCatalogChipHasABackend() {
        var registry = ChipBackends.load();
        assertThat(registry.failures()).isEmpty();
        for (var chip : registry.catalog().all()) {
            assertThat(registry.providerFor(chip.id())).as(chip.id()).isPresent();
        }
        assertThat(registry.catalog().ids()).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void ascendNeedsBlockSizeMultipleOf128AndDefaultsTo128() {
        ValidationReport bad = run("qwen2.5-7b", "ascend-910b3", "vllm-ascend", "limits: {maxModelLen: 8192, blockSize: 16}");
        assertThat(errors(bad)).contains("SUPPORT_BLOCK_SIZE_UNSUPPORTED");
        ValidationReport ok = run("qwen2.5-7b", "ascend-910b3", "vllm-ascend", "limits: {maxModelLen: 8192}");
        assertThat(ok.verdict()).isEqualTo(ValidationReport.Verdict.PASS);
        assertThat(ok.memory().blockSize()).isEqualTo(128);
        assertThat(ok.memory().kvCacheTokens() % 128).isZero();
    }

    @Test
    void ascend910bHasNoFp8() {
        ValidationReport r = run("qwen2.5-7b", "ascend-910b3", "vllm-ascend", "quantization: fp8",
                "limits: {maxModelLen: 8192}");
        Finding f = r.findings().stream().filter(x -> x.code().equals("SUPPORT_QUANTIZATION_UNSUPPORTED")).findFirst()
                .orElseThrow();
        assertThat(f.message()).contains("910B has no fp8");
        assertThat(f.hint()).contains("w8a8");
    }

    @Test
    void ascend310pIsFp16Only() {
        ValidationReport bf16 = run("qwen2.5-7b", "ascend-310p", "mindie", "limits: {maxModelLen: 4096}");
        assertThat(bf16.findings()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo("SUPPORT_DTYPE_UNSUPPORTED");
            assertThat(f.message()).contains("310P computes fp16 only");
        });
        ValidationReport fp16 = run("qwen2.5-7b", "ascend-310p", "mindie",
                "precision: {weights: fp16, activations: fp16, kvCache: fp16}", "limits: {maxModelLen: 4096}");
        assertThat(errors(fp16)).isEmpty();
    }

    @Test
    void nvidiaComputeCapabilityGates() {
        // fp8 W8A8 needs sm89+: refused on the A100 (sm80), accepted on the H100 (sm90)
        ValidationReport a100 = run("llama-3.1-8b", "nvidia-a100-80g-sxm", "vllm", "quantization: fp8",
                "precision: {activations: fp8}", "limits: {maxModelLen: 8192}");
        assertThat(a100.findings()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo("SUPPORT_COMPUTE_CAPABILITY_TOO_LOW");
            assertThat(f.message()).contains("8.9");
        });
        ValidationReport h100 = run("llama-3.1-8b", "nvidia-h100-sxm", "vllm", "quantization: fp8",
                "precision: {activations: fp8}", "limits: {maxModelLen: 8192}");
        assertThat(errors(h100)).isEmpty();
        // fp8 weight-only on Ampere runs through Marlin, with a warning
        ValidationReport marlin = run("llama-3.1-8b", "nvidia-a100-80g-sxm", "vllm", "quantization: fp8",
                "limits: {maxModelLen: 8192}");
        assertThat(errors(marlin)).isEmpty();
        assertThat(warnings(marlin)).contains("SUPPORT_COMPUTE_CAPABILITY_TOO_LOW");
    }

    @Test
    void mi300ComputesFp8AsE4m3fnuz() {
        ValidationReport r = run("llama-3.1-8b", "amd-mi300x", "vllm", "quantization: fp8",
                "precision: {activations: fp8}", "limits: {maxModelLen: 8192}");
        assertThat(errors(r)).isEmpty();
        assertThat(r.findings()).anySatisfy(f -> assertThat(f.message()).contains("e4m3fnuz"));
        ValidationReport nvidia = run("llama-3.1-8b", "nvidia-h100-sxm", "vllm",
                "precision: {weights: bf16, activations: fp8-e4m3fnuz}", "limits: {maxModelLen: 8192}");
        assertThat(errors(nvidia)).contains("SUPPORT_DTYPE_UNSUPPORTED");
    }

    @Test
    void cpuIsaGatesBf16() {
        ValidationReport kunpeng = run("llama-3.1-8b", "kunpeng-920", "vllm", "limits: {maxModelLen: 8192}");
        assertThat(kunpeng.findings()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo("SUPPORT_ISA_MISSING");
            assertThat(f.message()).contains("bf16");
        });
        ValidationReport xeon = run("llama-3.1-8b", "intel-xeon-8480", "vllm", "limits: {maxModelLen: 8192}");
        assertThat(errors(xeon)).isEmpty();
        ValidationReport llamaCpp = run("llama-3.1-8b", "kunpeng-920", "llama.cpp", "quantization: q4_k_m",
                "limits: {maxModelLen: 8192}");
        assertThat(errors(llamaCpp)).isEmpty();
    }

    @Test
    void enginesRunOnlyWhereTheyExist() {
        assertThat(errors(run("llama-3.1-8b", "nvidia-h100-sxm", "vllm-ascend"))).contains("SUPPORT_ENGINE_UNSUPPORTED");
        assertThat(errors(run("llama-3.1-8b", "ascend-910b3", "vllm"))).contains("SUPPORT_ENGINE_UNSUPPORTED");
        assertThat(errors(run("llama-3.1-8b", "intel-xeon-8480", "mindie"))).contains("SUPPORT_ENGINE_UNSUPPORTED");
    }

    @Test
    void operatorTableRefusesGemma2OnAscend() {
        ValidationReport r = run("gemma-2-9b", "ascend-910b3", "vllm-ascend", "limits: {maxModelLen: 4096}");
        assertThat(errors(r)).contains("SUPPORT_ARCHITECTURE_UNSUPPORTED");
        ValidationReport gpu = run("gemma-2-9b", "nvidia-h100-sxm", "vllm", "limits: {maxModelLen: 4096}");
        assertThat(errors(gpu)).isEmpty();
    }

    @Test
    void chineseGpgpuReusesRulesWithItsOwnTables() {
        ValidationReport r = run("qwen2.5-7b", "metax-c500", "vllm", "limits: {maxModelLen: 8192}");
        assertThat(errors(r)).isEmpty();
        assertThat(warnings(r)).contains("SUPPORT_OTHER"); // the vendor fork of vLLM
        assertThat(errors(run("qwen2.5-7b", "metax-c500", "vllm", "quantization: fp8", "limits: {maxModelLen: 8192}")))
                .contains("SUPPORT_QUANTIZATION_UNSUPPORTED");
    }
}
