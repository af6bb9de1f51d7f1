package dev.adapthub.chips.results;

import static dev.adapthub.chips.results.RunReaderTest.sample;
import static dev.adapthub.chips.results.RunReaderTest.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.chips.TestModels;
import dev.adapthub.chips.catalog.ChipCatalog;
import dev.adapthub.chips.catalog.ChipSpec;
import dev.adapthub.chips.model.ModelArchitecture;
import dev.adapthub.chips.validate.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Matching runs to the config they are attached to, and physical limits. */
class RunCheckTest {

    private static final ChipCatalog CATALOG = ChipCatalog.builtIn();

    private static RunExpectation expect(String model, String chipId, int tp, String engine, ModelArchitecture arch) {
        ChipSpec chip = CATALOG.find(chipId).orElseThrow();
        return new RunExpectation(List.of(model), chipId, chip, tp, tp, 1, 1, engine, null, arch,
                new MeasuredRun.Workload(1000, 270, null, null));
    }

    private static List<String> codes(List<ResultFinding> findings, Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).map(ResultFinding::code).toList();
    }

    private static MeasuredRun vllm(String sidecar) {
        RunReader.Read read = RunReader.read("a.results/r.json", sample("vllm-bench-llama-3.2-3b-l40s.json"),
                sidecar == null ? null : utf8(sidecar));
        assertThat(read.findings()).isEmpty();
        return read.run();
    }

    @Test
    void annotatedVllmRunMatchesItsConfig() {
        MeasuredRun run = vllm("{\"chip\": \"nvidia-l40s\", \"tp\": 1}");
        List<ResultFinding> f = RunCheck.check("a.results/r.json", run,
                expect("meta-llama/Llama-3.2-3B-Instruct", "nvidia-l40s", 1, "vllm", null));
        assertThat(codes(f, Severity.ERROR)).isEmpty();
    }

    @Test
    void vllmRunWithoutChipOrTpIsRefusedWithAHintThatSaysWhatToAdd() {
        List<ResultFinding> f = RunCheck.check("a.results/r.json", vllm(null),
                expect("meta-llama/Llama-3.2-3B-Instruct", "nvidia-l40s", 1, "vllm", null));
        assertThat(codes(f, Severity.ERROR)).containsExactlyInAnyOrder(ResultCodes.CHIP_MISSING, ResultCodes.MISSING_FIELD);
        assertThat(f).filteredOn(x -> x.code().equals(ResultCodes.CHIP_MISSING)).singleElement()
                .satisfies(x -> assertThat(x.hint()).contains("r.meta.json").contains("\"chip\": \"nvidia-l40s\""));
    }

    @Test
    void wrongModelChipParallelismAndEngineAreErrors() {
        MeasuredRun run = vllm("{\"chip\": \"nvidia-h100-sxm\", \"tp\": 2, \"engine\": \"sglang\"}");
        List<ResultFinding> f = RunCheck.check("a.results/r.json", run,
                expect("Qwen/Qwen2.5-7B-Instruct", "nvidia-l40s", 1, "vllm", null));
        assertThat(codes(f, Severity.ERROR)).containsExactlyInAnyOrder(ResultCodes.MODEL_MISMATCH,
                ResultCodes.CHIP_MISMATCH, ResultCodes.PARALLELISM_MISMATCH, ResultCodes.ENGINE_MISMATCH);
        assertThat(f).allSatisfy(x -> assertThat(x.path()).startsWith("a.results/r.json"));
    }

    @Test
    void vllmResultsMeasureVllmAscendConfigs() {
        assertThat(RunCheck.sameEngine("vllm", "vllm-ascend")).isTrue();
        assertThat(RunCheck.sameEngine("vllm-ascend", "vllm")).isFalse();
        assertThat(RunCheck.sameEngine("llama.cpp", "llama.cpp")).isTrue();
    }

    @Test
    void ggufFileNamesMatchTheModelRepository() {
        assertThat(RunCheck.sameModel("models/Qwen2.5-7B-Instruct-Q4_K_M.gguf", "Qwen/Qwen2.5-7B-Instruct")).isTrue();
        assertThat(RunCheck.sameModel("/data/Meta-Llama-3.1-8B-Instruct/", "meta-llama/Llama-3.1-8B-Instruct")).isTrue();
        assertThat(RunCheck.sameModel("models/Qwen2.5-72B-Instruct-Q4_K_M.gguf", "Qwen/Qwen2.5-7B-Instruct")).isFalse();
    }

    @Test
    void llamaBenchHardwareNamesTheChipOrTheRunIsRefused() {
        MeasuredRun run = RunReader.read("r.json", sample("llama-bench-qwen2.5-7b-rtx4080.json"), null).run();
        // the sample ran on an RTX 4080: not the RTX 4090 a config would target
        List<ResultFinding> on4090 = RunCheck.check("r.json", run,
                expect("Qwen/Qwen2.5-7B-Instruct", "nvidia-rtx-4090", 1, "llama.cpp", null));
        assertThat(codes(on4090, Severity.ERROR)).containsExactly(ResultCodes.CHIP_MISSING);
        assertThat(on4090.get(0).message()).contains("RTX 4080");
        assertThat(RunCheck.hardwareIs("NVIDIA GeForce RTX 4090", CATALOG.find("nvidia-rtx-4090").orElseThrow())).isTrue();
        assertThat(RunCheck.hardwareIs("Intel(R) Xeon(R) Platinum 8480+", CATALOG.find("intel-xeon-8480").orElseThrow())).isTrue();
        assertThat(RunCheck.hardwareIs("NVIDIA A100-SXM4-80GB", CATALOG.find("nvidia-a100-80g-sxm").orElseThrow())).isTrue();
    }

    @Test
    void figuresAbovePhysicsAreRefused() {
        ModelArchitecture llama8b = TestModels.load("llama-3.1-8b");
        String run = """
                {"apiVersion": "adapthub/v1", "kind": "MeasuredRun", "model": "meta-llama/Llama-3.1-8B-Instruct",
                 "chip": "nvidia-rtx-3090", "parallel": {"tensor": 1}, "engine": {"name": "vllm"},
                 "results": {"outputTokensPerSecond": %s, "tpotMs": %s}}
                """;
        RunExpectation e = expect("meta-llama/Llama-3.1-8B-Instruct", "nvidia-rtx-3090", 1, "vllm", llama8b);
        MeasuredRun plausible = RunReader.read("r.json", utf8(run.formatted("1500", "25")), null).run();
        assertThat(codes(RunCheck.check("r.json", plausible, e), Severity.ERROR)).isEmpty();
        // 1e6 tokens/s needs 16 PFLOPS for an 8B model; one 3090 peaks at 0.57 (int4). 0.01 ms per token
        // would read 8B weights 100,000 times a second: 400 TB/s at 4 bits against 936 GB/s.
        MeasuredRun impossible = RunReader.read("r.json", utf8(run.formatted("1000000", "0.01")), null).run();
        List<ResultFinding> f = RunCheck.check("r.json", impossible, e);
        assertThat(codes(f, Severity.ERROR)).containsExactly(ResultCodes.ABOVE_PHYSICAL_LIMIT,
                ResultCodes.ABOVE_PHYSICAL_LIMIT);
    }

    @Test
    void aDifferentWorkloadIsSaidNotRefused() {
        MeasuredRun run = RunReader.read("r.json", sample("llama-bench-qwen2.5-7b-rtx4080.json"), null).run();
        ChipSpec chip = CATALOG.find("nvidia-rtx-4090").orElseThrow();
        RunExpectation e = new RunExpectation(List.of("Qwen/Qwen2.5-7B-Instruct"), "nvidia-rtx-4090", chip, 1, 1, 1, 1,
                "llama.cpp", null, null, new MeasuredRun.Workload(2048, 256, 4, null));
        List<ResultFinding> f = RunCheck.check("r.json", run, e);
        assertThat(codes(f, Severity.INFO)).contains(ResultCodes.WORKLOAD_DIFFERS);
    }
}
