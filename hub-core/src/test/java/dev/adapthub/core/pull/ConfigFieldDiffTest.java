package dev.adapthub.core.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.core.pull.ConfigFieldDiff.Change;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigFieldDiffTest {

    static final String BEFORE = """
            apiVersion: adapthub/v1
            kind: InferenceConfig
            target: {chip: ascend-910b3, devices: 1}
            precision: {weights: bf16, activations: bf16}
            parallel: {tensor: 1, pipeline: 1}
            """;

    @Test
    void listsChangedAddedAndRemovedFieldsByPath() {
        String after = BEFORE.replace("tensor: 1", "tensor: 2").replace("weights: bf16, activations: bf16",
                "weights: w8a8").replace("devices: 1", "devices: 2") + "quantization: w8a8\n";

        List<Change> changes = ConfigFieldDiff.between(BEFORE, after).orElseThrow();

        assertThat(changes).extracting(Change::describe).containsExactly(
                "parallel.tensor 1 → 2",
                "precision.activations bf16 → (none)",
                "precision.weights bf16 → w8a8",
                "quantization (none) → w8a8",
                "target.devices 1 → 2");
    }

    @Test
    void aNewConfigListsEveryFieldAndOtherYamlHasNoSemanticDiff() {
        assertThat(ConfigFieldDiff.between(null, BEFORE).orElseThrow()).hasSize(8);
        assertThat(ConfigFieldDiff.between("a: 1\n", "a: 2\n")).isEmpty();
        assertThat(ConfigFieldDiff.between("kind: InferenceConfig\n", "[unclosed")).isPresent();
        assertThat(ConfigFieldDiff.between("not: [yaml", "{also not")).isEmpty();
    }
}
