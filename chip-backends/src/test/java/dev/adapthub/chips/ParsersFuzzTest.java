package dev.adapthub.chips;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.adapthub.chips.config.ConfigException;
import dev.adapthub.chips.config.InferenceConfigParser;
import dev.adapthub.chips.model.HfConfigReader;
import dev.adapthub.chips.model.ModelException;
import dev.adapthub.chips.model.SafetensorsHeaders;
import dev.adapthub.chips.validate.ValidationReport;
import dev.adapthub.chips.validate.Validator;
import java.io.ByteArrayInputStream;

/**
 * Fuzz targets over every parser of untrusted input in this module. The contract of each: it
 * returns a value or rejects the input with its documented exception ({@link ConfigException},
 * {@link ModelException}) carrying a message that says what is wrong; any other exception, an input
 * that runs longer than the per-input timeout, or one that exhausts the fuzzing JVM's heap (YAML
 * alias bombs, deep nesting, huge numbers) is a finding.
 *
 * <p>{@code ./mvnw verify} fuzzes each target for 30 s in its own JVM (see docs/security.md);
 * plain {@code test} replays the seeds and past findings in {@code ParsersFuzzTestInputs/}.
 */
class ParsersFuzzTest {

    private static final Validator VALIDATOR = ChipBackends.validator(ChipBackends.load());

    static {
        // The first validation loads (and, while fuzzing, instruments) hundreds of classes, which on
        // a busy machine takes longer than the per-input timeout; do it before the first input.
        VALIDATOR.validate("""
                apiVersion: adapthub/v1
                kind: InferenceConfig
                model: {config: config.json}
                target: {chip: nvidia-rtx-3090}
                engine: {name: vllm, version: "0.6.4"}
                """, ref -> TestModels.load("llama-3.1-8b")).toJson();
    }

    @FuzzTest(maxDuration = "30s")
    void inferenceConfigParser(@NotNull String yaml) {
        try {
            InferenceConfigParser.parse(yaml);
        } catch (ConfigException rejected) {
            assertThat(rejected.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.message()).isNotBlank());
        }
    }

    @FuzzTest(maxDuration = "30s")
    void hfConfigReader(byte @NotNull [] json) {
        try {
            HfConfigReader.parse("config.json", json).parameterCount();
        } catch (ModelException rejected) {
            assertThat(rejected.getMessage()).contains("config.json");
        }
    }

    @FuzzTest(maxDuration = "30s")
    void safetensorsHeader(byte @NotNull [] file) {
        try {
            SafetensorsHeaders.parse("model.safetensors", new ByteArrayInputStream(file));
        } catch (ModelException rejected) {
            assertThat(rejected.getMessage()).contains("model.safetensors");
        }
    }

    @FuzzTest(maxDuration = "30s")
    void wholeValidation(@NotNull String yaml) {
        ValidationReport r = VALIDATOR.validate(yaml, ref -> TestModels.load("llama-3.1-8b"));
        assertThat(r.toJson()).isNotBlank();
    }
}
