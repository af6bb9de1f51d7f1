package dev.adapthub.chips.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adapthub.chips.config.ConfigException;
import dev.adapthub.chips.config.InferenceConfig;
import dev.adapthub.chips.config.InferenceConfigParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class VllmExportTest {

    /** Flags of `vllm serve --help` (vLLM engine-args docs 0.6.3-0.9) that the hub writes. */
    private static final Set<String> REAL_VLLM_FLAGS = Set.of("--tensor-parallel-size", "--pipeline-parallel-size",
            "--enable-expert-parallel", "--max-model-len", "--gpu-memory-utilization", "--max-num-seqs",
            "--max-num-batched-tokens", "--block-size", "--dtype", "--kv-cache-dtype", "--quantization");

    private static final String FULL = """
            apiVersion: adapthub/v1
            kind: InferenceConfig
            model: {repo: Qwen/Qwen3-30B-A3B}
            target: {chip: nvidia-h100-sxm}
            engine: {name: vllm}
            precision: {weights: bf16, kvCache: fp8-e4m3}
            quantization: fp8
            parallel: {tensor: 4, pipeline: 2, expert: 4}
            limits: {maxModelLen: 32768, maxNumSeqs: 128, maxBatchedTokens: 8192, blockSize: 16}
            memory: {utilization: 0.92}
            """;

    @Test
    void commandLineUsesOnlyRealFlagsInVllmSpelling() throws ConfigException {
        Export e = VllmExport.args(InferenceConfigParser.parse(FULL));
        assertThat(e.text()).isEqualTo("vllm serve Qwen/Qwen3-30B-A3B --tensor-parallel-size 4"
                + " --pipeline-parallel-size 2 --enable-expert-parallel --max-model-len 32768"
                + " --gpu-memory-utilization 0.92 --max-num-seqs 128 --max-num-batched-tokens 8192 --block-size 16"
                + " --dtype bfloat16 --kv-cache-dtype fp8_e4m3 --quantization fp8");
        List<String> flags = VllmExport.tokens(InferenceConfigParser.parse(FULL)).stream()
                .filter(t -> t.startsWith("--")).toList();
        assertThat(REAL_VLLM_FLAGS).containsAll(flags);
        assertThat(e.notes()).isEmpty();
    }

    @Test
    void importRoundTripsTheCommandLine() throws Exception {
        InferenceConfig config = InferenceConfigParser.parse(FULL);
        InferenceConfig back = VllmImport.fromArgs(VllmExport.tokens(config), "nvidia-h100-sxm", "vllm");
        assertThat(back).isEqualTo(config);
        InferenceConfig local = InferenceConfigParser.parse(FULL.replace("{repo: Qwen/Qwen3-30B-A3B}",
                "{config: models/qwen3/config.json}"));
        assertThat(VllmExport.tokens(local).get(2)).isEqualTo("models/qwen3/");
        assertThat(VllmImport.fromArgs(VllmExport.tokens(local), "nvidia-h100-sxm", "vllm")).isEqualTo(local);
    }

    /** Property: over random configs, export → import → export gives the same command line. */
    @Test
    void exportImportExportIsStable() throws Exception {
        List<String> dtypes = List.of("auto", "fp16", "bf16", "fp32");
        List<String> kvs = List.of("auto", "fp8", "fp8-e4m3", "fp8-e5m2");
        List<String> quants = List.of("none", "gptq", "awq", "fp8", "w8a8");
        for (int seed = 0; seed < 200; seed++) {
            Random r = new Random(seed);
            String yaml = """
                    apiVersion: adapthub/v1
                    kind: InferenceConfig
                    model: {repo: org/m%d}
                    target: {chip: nvidia-a100-80g-sxm}
                    engine: {name: %s}
                    precision: {weights: %s, kvCache: %s}
                    quantization: %s
                    parallel: {tensor: %d, pipeline: %d}
                    limits: {maxModelLen: %d, maxNumSeqs: %d}
                    memory: {utilization: 0.%d}
                    """.formatted(seed, r.nextBoolean() ? "vllm" : "vllm-ascend", dtypes.get(r.nextInt(4)),
                    kvs.get(r.nextInt(4)), quants.get(r.nextInt(5)), 1 << r.nextInt(4), 1 + r.nextInt(4),
                    1024 * (1 + r.nextInt(64)), 1 + r.nextInt(512), 50 + r.nextInt(49));
            InferenceConfig c = InferenceConfigParser.parse(yaml);
            List<String> once = VllmExport.tokens(c);
            List<String> twice = VllmExport.tokens(VllmImport.fromArgs(once, "x", c.engine().name()));
            assertThat(twice).as(yaml).isEqualTo(once);
        }
    }

    @Test
    void yamlHasTheSameOptionsAsTypedScalars() throws ConfigException {
        Export e = VllmExport.yaml(InferenceConfigParser.parse(FULL));
        Map<String, Object> doc = new Yaml().load(e.text());
        assertThat(doc).containsEntry("model", "Qwen/Qwen3-30B-A3B").containsEntry("tensor-parallel-size", 4)
                .containsEntry("gpu-memory-utilization", 0.92).containsEntry("enable-expert-parallel", true)
                .containsEntry("kv-cache-dtype", "fp8_e4m3");
        List<String> cli = new ArrayList<>();
        doc.keySet().stream().filter(k -> !k.equals("model")).forEach(k -> cli.add("--" + k));
        assertThat(REAL_VLLM_FLAGS).containsAll(cli);
    }

    @Test
    void w8a8IsAscendOnVllmAscendAndUnexpressibleFieldsAreNoted() throws Exception {
        InferenceConfig c = InferenceConfigParser.parse(FULL.replace("engine: {name: vllm}",
                "engine: {name: vllm-ascend, version: \"0.7.3\"}").replace("quantization: fp8", "quantization: w8a8")
                .replace("kvCache: fp8-e4m3", "kvCache: int8"));
        Export e = VllmExport.args(c);
        assertThat(e.text()).contains("--quantization ascend").doesNotContain("--kv-cache-dtype");
        assertThat(e.notes()).anyMatch(n -> n.contains("kvCache int8")).anyMatch(n -> n.contains("0.7.3"));
    }

    @Test
    void importRejectsWhatTheHubDoesNotModel() {
        assertThatThrownBy(() -> VllmImport.fromArgs(List.of("vllm", "serve", "m", "--swap-space", "4"), "c", "vllm"))
                .isInstanceOf(ExportException.class).hasMessageContaining("--swap-space is not modelled");
        assertThatThrownBy(() -> VllmImport.fromArgs(List.of("m", "--dtype", "int3"), "c", "vllm"))
                .hasMessageContaining("--dtype int3 is not a value vLLM accepts");
        assertThatThrownBy(() -> VllmImport.fromArgs(List.of("--max-model-len", "4k", "m"), "c", "vllm"))
                .hasMessageContaining("not a whole number");
        assertThatThrownBy(() -> VllmImport.fromArgs(List.of("--max-model-len"), "c", "vllm"))
                .hasMessageContaining("needs a value");
    }

    @Test
    void importAcceptsEqualsAndUnderscoreSpellings() throws Exception {
        InferenceConfig c = VllmImport.fromArgs(List.of("org/m", "--max_model_len=4096", "--dtype", "half"), "c", "vllm");
        assertThat(c.limits().maxModelLen()).isEqualTo(4096);
        assertThat(c.precision().weights()).isEqualTo("fp16");
    }
}
