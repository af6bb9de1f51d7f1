package dev.adapthub.chips.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adapthub.chips.catalog.ChipCatalog;
import dev.adapthub.chips.config.InferenceConfig;
import dev.adapthub.chips.config.InferenceConfigParser;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * A config in a model repository names its model by a path in that repository ({@code ../config.json}).
 * Exported for pasting, every engine form must name the hub's repository and the validated commit instead:
 * {@code vllm serve ../} only works in one directory of one checkout.
 */
class PinnedModelExportTest {

    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    private static final ModelSource SOURCE = new ModelSource("https://hub.example.org/", "meta-llama/Llama-3.1-8B", COMMIT);

    private static final String IN_REPO = """
            apiVersion: adapthub/v1
            kind: InferenceConfig
            model: {config: ../../config.json}
            target: {chip: nvidia-a100-80g-sxm}
            engine: {name: vllm}
            parallel: {tensor: 2}
            limits: {maxModelLen: 32768}
            """;

    @Test
    void vllmCommandNamesTheRepositoryAndPinsTheCommit() throws Exception {
        InferenceConfig config = InferenceConfigParser.parse(IN_REPO);

        Export unpinned = VllmExport.args(config);
        Export pinned = EngineFormat.VLLM.render(config, null, null, SOURCE);

        assertThat(unpinned.text()).startsWith("vllm serve ../../ ");
        assertThat(pinned.text()).isEqualTo("HF_ENDPOINT=https://hub.example.org vllm serve meta-llama/Llama-3.1-8B"
                + " --revision " + COMMIT + " --tensor-parallel-size 2 --max-model-len 32768");
        assertThat(pinned.text()).doesNotContain("../");
    }

    @Test
    void thePastedCommandImportsBackToTheRepositoryAtItsRevision() throws Exception {
        String pasted = EngineFormat.VLLM.render(InferenceConfigParser.parse(IN_REPO), null, null, SOURCE).text();

        InferenceConfig back = VllmImport.fromArgs(Arrays.asList(pasted.split(" ")), "nvidia-a100-80g-sxm", "vllm");

        assertThat(back.model()).isEqualTo(new InferenceConfig.ModelRef(null, "meta-llama/Llama-3.1-8B", COMMIT));
        assertThat(back.parallel().tensor()).isEqualTo(2);
    }

    @Test
    void vllmYamlCarriesModelAndRevision() throws Exception {
        Export yaml = EngineFormat.VLLM_YAML.render(InferenceConfigParser.parse(IN_REPO), null, null, SOURCE);

        Map<String, Object> doc = new Yaml().load(yaml.text());
        assertThat(doc).containsEntry("model", "meta-llama/Llama-3.1-8B").containsEntry("revision", COMMIT);
        assertThat(yaml.notes()).anyMatch(n -> n.contains("HF_ENDPOINT=https://hub.example.org vllm serve --config"));
    }

    @Test
    void llamaServerDownloadsFromTheHub() throws Exception {
        InferenceConfig config = InferenceConfigParser.parse(IN_REPO.replace("name: vllm", "name: llama.cpp"));

        Export export = EngineFormat.LLAMACPP.render(config, ChipCatalog.builtIn().find("nvidia-rtx-4090").orElseThrow(),
                null, SOURCE);

        assertThat(export.text()).startsWith("HF_ENDPOINT=https://hub.example.org llama-server --hf-repo "
                + "meta-llama/Llama-3.1-8B ").doesNotContain("model.gguf");
        assertThat(export.notes()).anyMatch(n -> n.contains(COMMIT));
    }

    @Test
    void mindieSaysHowToDownloadTheWeightsItReadsFromDisk() throws Exception {
        InferenceConfig config = InferenceConfigParser.parse(IN_REPO.replace("name: vllm", "name: mindie"));

        Export export = EngineFormat.MINDIE.render(config, null, null, SOURCE);

        JsonNode model = new ObjectMapper().readTree(export.text()).at("/BackendConfig/ModelDeployConfig/ModelConfig/0");
        assertThat(model.path("modelWeightPath").asText()).isEqualTo("./Llama-3.1-8B");
        assertThat(model.path("modelName").asText()).isEqualTo("Llama-3.1-8B");
        assertThat(export.notes()).anyMatch(n -> n.contains("HF_ENDPOINT=https://hub.example.org huggingface-cli download"
                + " meta-llama/Llama-3.1-8B --revision " + COMMIT + " --local-dir Llama-3.1-8B"));
    }

    @Test
    void aConfigNamingAnotherRepositoryKeepsIt() throws Exception {
        InferenceConfig config = InferenceConfigParser.parse(IN_REPO.replace("{config: ../../config.json}",
                "{repo: Qwen/Qwen3-8B, revision: v1.0}"));

        Export export = EngineFormat.VLLM.render(config, null, null, SOURCE);

        assertThat(export.text()).contains("vllm serve Qwen/Qwen3-8B --revision v1.0 ");
    }

    @Test
    void sourcePartsThatWouldNeedShellQuotingAreRefused() {
        assertThatThrownBy(() -> new ModelSource("https://hub.example.org/$(id)", "a/b", COMMIT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("endpoint");
        assertThatThrownBy(() -> new ModelSource("https://hub.example.org", "a/b;rm", COMMIT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repo");
        assertThatThrownBy(() -> new ModelSource("https://hub.example.org", "a/b", "main; id"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("revision");
    }
}
