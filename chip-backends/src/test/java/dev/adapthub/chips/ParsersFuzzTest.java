package dev.adapthub.chips;

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
 * Fuzz tests over every parser of untrusted input: each may reject, none may throw anything
 * else. Plain {@code verify} runs the seed corpus (ParsersFuzzTestInputs/); run with
 * {@code JAZZER_FUZZ=1} to fuzz.
 */
class ParsersFuzzTest {

    private static final Validator VALIDATOR = ChipBackends.validator(ChipBackends.load());

    @FuzzTest(maxDuration = "30s")
    void inferenceConfigParser(@NotNull String yaml) {
        try {
            InferenceConfigParser.parse(yaml);
        } catch (ConfigException expected) {
            // a clear rejection is the correct outcome for bad input
        }
    }

    @FuzzTest(maxDuration = "30s")
    void hfConfigReader(byte @NotNull [] json) {
        try {
            HfConfigReader.parse("config.json", json).parameterCount();
        } catch (ModelException expected) {
            // rejected with a message naming the field
        }
    }

    @FuzzTest(maxDuration = "30s")
    void safetensorsHeader(byte @NotNull [] file) {
        try {
            SafetensorsHeaders.parse("model.safetensors", new ByteArrayInputStream(file));
        } catch (ModelException expected) {
            // rejected with a message
        }
    }

    @FuzzTest(maxDuration = "30s")
    void wholeValidation(@NotNull String yaml) {
        ValidationReport r = VALIDATOR.validate(yaml, ref -> TestModels.load("llama-3.1-8b"));
        r.toJson();
    }
}
