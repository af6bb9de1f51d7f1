package dev.adapthub.chips.perf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.chips.ChipBackends;
import dev.adapthub.chips.TestConfigs;
import dev.adapthub.chips.TestModels;
import dev.adapthub.chips.catalog.ChipSpec;
import dev.adapthub.chips.catalog.Figure;
import dev.adapthub.chips.config.ConfigException;
import dev.adapthub.chips.config.InferenceConfigParser;
import dev.adapthub.chips.model.ModelArchitecture;
import dev.adapthub.chips.spi.BackendRegistry;
import dev.adapthub.chips.spi.MemoryPlan;
import dev.adapthub.chips.spi.PerformanceEstimate;
import dev.adapthub.chips.spi.PerformanceQuery;
import dev.adapthub.chips.spi.SupportQuery;
import dev.adapthub.chips.validate.ValidationReport;
import dev.adapthub.chips.validate.Validator;
import java.util.List;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/**
 * Property: over many random valid configs, no estimate is faster than physics allows. The bounds
 * are computed here independently of the estimator: the weights a step must read at least once
 * (active weights for MoE) over the peak bandwidth, and 2 FLOPs per active non-embedding weight
 * per token over the chip's highest peak of any data type.
 */
class RooflinePhysicsTest {

    private static final List<String> MODELS = List.of("llama-2-7b", "llama-3.1-8b", "qwen2.5-7b", "mixtral-8x7b",
            "deepseek-v2-lite", "gemma-2-9b");
    private static final List<String> ENGINES = List.of("vllm", "vllm-ascend", "mindie", "llama.cpp");
    private static final int CONFIGS = 600;

    private final BackendRegistry registry = ChipBackends.load();
    private final Validator validator = ChipBackends.validator(registry);

    @Test
    void noEstimateBeatsTheRoofline() throws ConfigException {
        List<ChipSpec> chips = registry.catalog().all();
        int estimated = 0;
        for (int seed = 0; seed < CONFIGS; seed++) {
            Random rnd = new Random(seed);
            ChipSpec chip = chips.get(rnd.nextInt(chips.size()));
            String modelName = MODELS.get(rnd.nextInt(MODELS.size()));
            int tp = 1 << rnd.nextInt(4);
            int input = 1 + rnd.nextInt(8192);
            int output = 1 + rnd.nextInt(1024);
            int concurrency = 1 + rnd.nextInt(rnd.nextBoolean() ? 4 : 512);
            String yaml = TestConfigs.yaml(chip.id(), ENGINES.get(rnd.nextInt(ENGINES.size())),
                    "parallel: {tensor: " + tp + "}",
                    "limits: {maxModelLen: " + (input + output + rnd.nextInt(4096)) + "}",
                    "workload: {inputTokens: " + input + ", outputTokens: " + output + ", concurrency: " + concurrency
                            + "}");
            ModelArchitecture model = TestModels.load(modelName);
            ValidationReport r = validator.validate(InferenceConfigParser.parse(yaml), model);
            if (r.performance() == null) {
                continue;
            }
            estimated++;
            check(r, chip, model, tp, input, "seed " + seed + ": " + modelName + "\n" + yaml);
        }
        assertThat(estimated).as("random configs that got an estimate").isGreaterThan(CONFIGS / 10);
    }

    private static void check(ValidationReport r, ChipSpec chip, ModelArchitecture m, int tp, int input, String what) {
        PerformanceEstimate p = r.performance();
        MemoryPlan mem = r.memory();
        double bandwidth = chip.memory().bandwidthGBs().value() * 1e9;
        double maxPeak = chip.compute().values().stream().mapToDouble(Figure::value).max().orElseThrow() * 1e12;
        double activeShare = (double) m.activeParameterCount() / m.parameterCount();
        double flopsPerToken = 2.0 * (m.activeParameterCount() - m.embeddingParams()) / tp;

        double decodeFloorMs = Math.max(mem.weightsBytes() * activeShare / bandwidth,
                p.concurrency() * flopsPerToken / maxPeak) * 1e3;
        double prefillFloorMs = Math.max(mem.weightsBytes() * activeShare / bandwidth,
                input * flopsPerToken / maxPeak) * 1e3;
        assertThat(p.decodeMsPerToken()).as(what).isGreaterThanOrEqualTo(decodeFloorMs);
        assertThat(p.prefillMs()).as(what).isGreaterThanOrEqualTo(prefillFloorMs);
        assertThat(p.ttftMs()).as(what).isGreaterThanOrEqualTo(p.prefillMs() * (1 - 1e-12));
        assertThat(p.outputTokensPerSecond() * p.decodeMsPerToken() / 1e3).as(what)
                .isCloseTo(p.concurrency(), Offset.offset(1e-6 * p.concurrency()));
        assertThat(p.bound()).isIn("compute", "memory", "communication");
    }

    /** With every efficiency at 1, a batch-1 dense decode is exactly the bandwidth roofline plus KV reads. */
    @Test
    void perfectEfficiencyIsTheRoofline() throws ConfigException {
        ValidationReport r = validator.validate(InferenceConfigParser.parse(TestConfigs.yaml("nvidia-a100-80g-sxm",
                "vllm", "precision: {weights: fp16}", "limits: {maxModelLen: 4096}",
                "workload: {inputTokens: 1, outputTokens: 2, concurrency: 1}")), TestModels.load("llama-2-7b"));
        SupportQuery support = new SupportQuery(registry.catalog().find("nvidia-a100-80g-sxm").orElseThrow(),
                TestModels.load("llama-2-7b"), "vllm", null, "fp16", "fp16", "fp16", "none", 16, 1, 1, 1);
        PerformanceEstimate ideal = Roofline.estimate(new PerformanceQuery(support, r.memory(),
                1, 2, 1, 256, 8192), new Efficiency(1, 1, 1, 0));
        double weightsMs = r.memory().weightsBytes() / 2039e9 * 1e3;
        assertThat(ideal.decodeMsPerToken()).isBetween(weightsMs, weightsMs * 1.001);
        assertThat(r.performance().decodeMsPerToken()).isCloseTo(weightsMs / Efficiency.of(dev.adapthub.chips.catalog.ChipFamily.GPGPU, "vllm").memoryBandwidth(),
                Percentage.withPercentage(0.1));
    }
}
