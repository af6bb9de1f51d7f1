package dev.adapthub.chips.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.adapthub.chips.ChipBackends;
import dev.adapthub.chips.TestModels;
import dev.adapthub.chips.catalog.ChipFamily;
import dev.adapthub.chips.catalog.ChipSpec;
import dev.adapthub.chips.config.InferenceConfig;
import dev.adapthub.chips.config.InferenceConfigParser;
import dev.adapthub.chips.model.HfConfigReader;
import dev.adapthub.chips.model.ModelArchitecture;
import dev.adapthub.chips.validate.ValidationReport;
import dev.adapthub.chips.validate.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One validation (YAML parse included) and the whole matrix: every catalog chip × 54 model
 * configs (the six published configs and 48 scaled variants of them), both with the performance
 * estimate; and one validation with the numerics check. Targets: ≤ 2 ms, ≤ 3 s and ≤ 250 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ValidationBenchmark {

    private static final String[] BASES = {"llama-2-7b", "llama-3.1-8b", "qwen2.5-7b", "mixtral-8x7b",
            "deepseek-v2-lite", "gemma-2-9b"};

    private Validator validator;
    private Validator withNumerics;
    private String yaml;
    private ModelArchitecture llama;
    private final List<ModelArchitecture> models = new ArrayList<>();
    private final List<InferenceConfig> configs = new ArrayList<>();

    @Setup
    public void setUp() throws Exception {
        validator = ChipBackends.validator(ChipBackends.load());
        withNumerics = validator.withNumerics();
        llama = TestModels.load("llama-3.1-8b");
        yaml = """
                apiVersion: adapthub/v1
                kind: InferenceConfig
                model: {config: config.json}
                target: {chip: nvidia-rtx-3090}
                engine: {name: vllm, version: "0.6.4"}
                precision: {weights: bf16}
                limits: {maxModelLen: 20000, blockSize: 16}
                memory: {utilization: 0.9}
                """;
        ObjectMapper json = new ObjectMapper();
        for (String base : BASES) {
            for (int variant = 0; variant < 9; variant++) {
                ObjectNode c = (ObjectNode) json.readTree(TestModels.bytes(base));
                int layers = c.path("num_hidden_layers").asInt();
                c.put("num_hidden_layers", Math.max(2, layers * (variant + 2) / 4)); // 0.5x .. 2.5x depth
                models.add(HfConfigReader.parse(base + "-" + variant, json.writeValueAsBytes(c)));
            }
        }
        for (ChipSpec chip : ChipBackends.load().catalog().all()) {
            String engine = chip.family() == ChipFamily.CPU ? "llama.cpp"
                    : chip.id().startsWith("ascend") ? "vllm-ascend" : "vllm";
            configs.add(InferenceConfigParser.parse("""
                    apiVersion: adapthub/v1
                    kind: InferenceConfig
                    model: {config: config.json}
                    target: {chip: %s}
                    engine: {name: %s}
                    limits: {maxModelLen: 4096}
                    """.formatted(chip.id(), engine)));
        }
    }

    /** One full validation, YAML parse included. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public ValidationReport oneValidation() {
        return validator.validate(yaml, ref -> llama);
    }

    /** One full validation with the numerics check (target ≤ 250 ms for the check). */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public ValidationReport oneValidationWithNumerics() {
        return withNumerics.validate(yaml, ref -> llama);
    }

    /** Every catalog chip × 54 model configs. */
    @Benchmark
    public void allChipsTimesModels(Blackhole bh) {
        for (InferenceConfig config : configs) {
            for (ModelArchitecture model : models) {
                bh.consume(validator.validate(config, model));
            }
        }
    }
}
