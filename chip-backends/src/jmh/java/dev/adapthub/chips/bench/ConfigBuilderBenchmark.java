package dev.adapthub.chips.bench;

import dev.adapthub.chips.ChipBackends;
import dev.adapthub.chips.TestModels;
import dev.adapthub.chips.model.ModelArchitecture;
import dev.adapthub.chips.validate.ValidationReport;
import dev.adapthub.chips.validate.Validator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the config builder (hub-web {@code /builder/preview}) asks of the validator on every change
 * of a field: the YAML it writes, validated against a model already read, the memory plan and the
 * estimate included, plus the report's JSON the page is drawn from. Target: well under 1 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ConfigBuilderBenchmark {

    private Validator validator;
    private ModelArchitecture llama;
    private String fits;
    private String doesNotFit;

    @Setup
    public void setUp() throws Exception {
        validator = ChipBackends.validator(ChipBackends.load());
        llama = TestModels.load("llama-3.1-8b");
        String yaml = """
                # meta-llama/Llama-3.1-8B-Instruct on ascend-910b3 with vllm-ascend, written by the AdaptHub config builder.
                apiVersion: adapthub/v1
                kind: InferenceConfig
                model: {config: ../../config.json}
                target: {chip: ascend-910b3, devices: 2}
                engine: {name: vllm-ascend, version: "0.9.1"}
                precision: {weights: bf16, activations: bf16, kvCache: bf16}
                parallel: {tensor: 2, pipeline: 1, expert: 1}
                limits: {maxModelLen: %d, maxNumSeqs: 128, maxBatchedTokens: 8192}
                memory: {utilization: 0.90}
                workload: {inputTokens: 2048, outputTokens: 256, concurrency: 8}
                """;
        fits = yaml.formatted(32768);
        doesNotFit = yaml.formatted(1_000_000);
    }

    /** A change that keeps the config passing: the estimate runs too. */
    @Benchmark
    public String previewThatFits() {
        ValidationReport report = validator.validate(fits, ref -> llama);
        return report.toJson();
    }

    /** A change that makes it not fit: the memory finding, no estimate. */
    @Benchmark
    public String previewThatDoesNotFit() {
        ValidationReport report = validator.validate(doesNotFit, ref -> llama);
        return report.toJson();
    }
}
