package dev.adapthub.chips.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.chips.ChipBackends;
import dev.adapthub.chips.TestConfigs;
import dev.adapthub.chips.TestModels;
import dev.adapthub.chips.config.InferenceConfigParser;
import dev.adapthub.chips.model.HfConfigReader;
import dev.adapthub.chips.model.ModelArchitecture;
import dev.adapthub.chips.model.ModelException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NumericsInReportTest {

    private final Validator plain = ChipBackends.validator(ChipBackends.load());
    private final Validator withNumerics = plain.withNumerics();

    @Test
    void numericsFollowTheConfigsPrecisionAndAreReproducible() throws Exception {
        String yaml = TestConfigs.yaml("nvidia-h100-sxm", "vllm", "quantization: gptq",
                "precision: {activations: fp16, kvCache: fp8-e4m3}", "limits: {maxModelLen: 4096}");
        ValidationReport first = withNumerics.validate(InferenceConfigParser.parse(yaml), gptqLlama());
        Map<String, Object> n = first.numerics();
        assertThat(n).as("%s", first.findings()).isNotNull();
        assertThat(n).containsEntry("weights", "int4").containsEntry("groupSize", 64)
                .containsEntry("activations", "fp16").containsEntry("kvCache", "fp8_e4m3");
        ValidationReport again = withNumerics.validate(InferenceConfigParser.parse(yaml), gptqLlama());
        assertThat(again.toJson()).isEqualTo(first.toJson());
        assertThat(first.toText()).contains("numerics: ");
        assertThat(plain.validate(InferenceConfigParser.parse(yaml), gptqLlama()).numerics()).isNull();
    }

    /** Llama-3.1-8B's config.json as a 4-bit GPTQ checkpoint with groups of 64 would publish it. */
    private static ModelArchitecture gptqLlama() throws ModelException {
        String json = new String(TestModels.bytes("llama-3.1-8b"), StandardCharsets.UTF_8).trim();
        json = json.substring(0, json.length() - 1)
                + ", \"quantization_config\": {\"quant_method\": \"gptq\", \"bits\": 4, \"group_size\": 64}}";
        return HfConfigReader.parse("config.json", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void moeAndMlaModelsMapOntoTheLayerShape() throws Exception {
        ValidationReport moe = withNumerics.validate(InferenceConfigParser.parse(TestConfigs.yaml("nvidia-h100-sxm",
                "vllm", "parallel: {tensor: 4}", "limits: {maxModelLen: 4096}")), TestModels.load("mixtral-8x7b"));
        assertThat(moe.numerics()).containsKey("routingAgreement");
        assertThat(moe.numerics().get("routingAgreement")).isNotNull();
        ValidationReport mla = withNumerics.validate(InferenceConfigParser.parse(TestConfigs.yaml("nvidia-h100-sxm",
                "vllm", "limits: {maxModelLen: 4096}")), TestModels.load("deepseek-v2-lite"));
        assertThat(mla.numerics()).containsEntry("weights", "bf16");
    }
}
