package dev.adapthub.chips.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adapthub.chips.TestModels;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HfConfigReaderTest {

    /** Published parameter counts (Hugging Face model pages / safetensors metadata). */
    @ParameterizedTest
    @CsvSource({
            "llama-2-7b, 6738415616",
            "llama-3.1-8b, 8030261248",
            "qwen2.5-7b, 7615616512",
            "mixtral-8x7b, 46702792704",
            "deepseek-v2-lite, 15706484224",
            "gemma-2-9b, 9241705984"})
    void parameterCountMatchesPublishedFigure(String model, long published) {
        long counted = TestModels.load(model).parameterCount();
        assertThat((double) counted).isCloseTo(published, org.assertj.core.data.Percentage.withPercentage(0.5));
    }

    @Test
    void readsGqaMoeMlaAndSlidingWindow() {
        assertThat(TestModels.load("llama-2-7b").attentionLayout()).isEqualTo("mha");
        assertThat(TestModels.load("llama-3.1-8b").attentionLayout()).isEqualTo("gqa");
        ModelArchitecture mixtral = TestModels.load("mixtral-8x7b");
        assertThat(mixtral.moe().numExperts()).isEqualTo(8);
        assertThat(mixtral.activeParameterCount()).isBetween(12_500_000_000L, 13_000_000_000L);
        ModelArchitecture ds = TestModels.load("deepseek-v2-lite");
        assertThat(ds.mla().cachedWidth()).isEqualTo(576);
        assertThat(ds.moe().denseLayers()).isEqualTo(1);
        ModelArchitecture gemma = TestModels.load("gemma-2-9b");
        assertThat(gemma.slidingWindow().window()).isEqualTo(4096);
        assertThat(gemma.slidingWindow().slidingLayers()).isEqualTo(21);
        assertThat(gemma.attentionVariants()).contains("sliding-window", "logit-softcap");
        assertThat(gemma.tieWordEmbeddings()).isTrue();
        assertThat(TestModels.load("qwen2.5-7b").slidingWindow()).as("use_sliding_window=false").isNull();
    }

    @Test
    void unknownModelTypeListsKnownOnes() {
        byte[] json = "{\"model_type\": \"mamba\", \"hidden_size\": 8}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> HfConfigReader.parse("config.json", json))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("unknown model_type 'mamba'")
                .hasMessageContaining("llama, mistral, qwen2");
    }

    @Test
    void badNumbersAreErrorsNamingTheField() {
        String base = "{\"model_type\":\"llama\",\"hidden_size\":%s,\"num_hidden_layers\":2,"
                + "\"num_attention_heads\":2,\"vocab_size\":10}";
        for (String bad : new String[] {"-1", "1e400", "99999999999", "\"big\"", "0"}) {
            byte[] json = String.format(base, bad).getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> HfConfigReader.parse("config.json", json)).as(bad)
                    .isInstanceOf(ModelException.class).hasMessageContaining("hidden_size");
        }
    }

    @Test
    void recognisesQuantizationConfigs() throws ModelException {
        String base = "{\"model_type\":\"llama\",\"hidden_size\":64,\"num_hidden_layers\":2,"
                + "\"num_attention_heads\":4,\"vocab_size\":10,\"quantization_config\":%s}";
        assertThat(parseQuant(base, "{\"quant_method\":\"gptq\",\"bits\":4,\"group_size\":128}").method())
                .isEqualTo("gptq");
        Quantization awq = parseQuant(base, "{\"quant_method\":\"awq\",\"bits\":4,\"group_size\":128,\"version\":\"gemm\"}");
        assertThat(awq.weightType()).isEqualTo("int4");
        assertThat(awq.bytesPerWeight()).isCloseTo(0.5 + 2.5 / 128, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(parseQuant(base, "{\"quant_method\":\"fp8\",\"activation_scheme\":\"dynamic\","
                + "\"weight_block_size\":[128,128]}").weightType()).isEqualTo("fp8-e4m3");
        Quantization w8a8 = parseQuant(base, "{\"quant_method\":\"compressed-tensors\",\"config_groups\":{\"group_0\":"
                + "{\"weights\":{\"num_bits\":8,\"type\":\"int\",\"strategy\":\"channel\"},"
                + "\"input_activations\":{\"num_bits\":8,\"type\":\"int\",\"dynamic\":true}}}}");
        assertThat(w8a8.method()).isEqualTo("w8a8");
        assertThat(w8a8.activationType()).isEqualTo("int8");
    }

    private static Quantization parseQuant(String base, String q) throws ModelException {
        return HfConfigReader.parse("c.json", String.format(base, q).getBytes(StandardCharsets.UTF_8)).quantization();
    }
}
