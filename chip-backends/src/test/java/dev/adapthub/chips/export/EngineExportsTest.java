package dev.adapthub.chips.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adapthub.chips.ChipBackends;
import dev.adapthub.chips.TestConfigs;
import dev.adapthub.chips.TestModels;
import dev.adapthub.chips.catalog.ChipCatalog;
import dev.adapthub.chips.config.InferenceConfig;
import dev.adapthub.chips.config.InferenceConfigParser;
import dev.adapthub.chips.validate.ValidationReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineExportsTest {

    @Test
    void mindieFragmentCarriesTheDeploymentAndThePlannedKvCache() throws Exception {
        String yaml = TestConfigs.yaml("ascend-910b3", "mindie", "parallel: {tensor: 2}",
                "limits: {maxModelLen: 8192, maxNumSeqs: 64, blockSize: 128}",
                "workload: {inputTokens: 2048, outputTokens: 512, concurrency: 16}");
        InferenceConfig c = InferenceConfigParser.parse(yaml);
        ValidationReport r = ChipBackends.validator(ChipBackends.load()).validate(c, TestModels.load("qwen2.5-7b"));
        JsonNode root = new ObjectMapper().readTree(EngineFormat.MINDIE.render(c, null, r.memory()).text());
        JsonNode backend = root.path("BackendConfig");
        assertThat(backend.path("npuDeviceIds").toString()).isEqualTo("[[0,1]]");
        JsonNode deploy = backend.path("ModelDeployConfig");
        assertThat(deploy.path("maxSeqLen").asInt()).isEqualTo(8192);
        assertThat(deploy.path("maxInputTokenLen").asInt()).isEqualTo(2048);
        JsonNode model = deploy.path("ModelConfig").get(0);
        assertThat(model.path("worldSize").asInt()).isEqualTo(2);
        assertThat(model.path("modelWeightPath").asText()).isEqualTo("./");
        assertThat(model.path("npuMemSize").asLong())
                .isEqualTo((long) Math.floor(r.memory().kvCacheBytes() / (1024.0 * 1024 * 1024))).isPositive();
        JsonNode schedule = backend.path("ScheduleConfig");
        assertThat(schedule.path("maxBatchSize").asInt()).isEqualTo(64);
        assertThat(schedule.path("cacheBlockSize").asInt()).isEqualTo(128);
        assertThat(schedule.path("maxIterTimes").asInt()).isEqualTo(512);
        JsonNode auto = new ObjectMapper().readTree(EngineFormat.MINDIE.render(c, null, null).text());
        assertThat(auto.at("/BackendConfig/ModelDeployConfig/ModelConfig/0/npuMemSize").asInt()).isEqualTo(-1);
    }

    @Test
    void llamaServerSizesTheContextForEverySlot() throws Exception {
        InferenceConfig c = InferenceConfigParser.parse(TestConfigs.yaml("nvidia-rtx-4090", "llama.cpp",
                "quantization: q4_k_m", "precision: {kvCache: int8}", "limits: {maxModelLen: 8192, maxNumSeqs: 4}"));
        Export gpu = EngineFormat.LLAMACPP.render(c, ChipCatalog.builtIn().find("nvidia-rtx-4090").orElseThrow(), null);
        List<String> args = List.of(gpu.text().split(" "));
        assertThat(args).containsSequence("-c", "32768").containsSequence("-np", "4").containsSequence("-ngl", "999")
                .containsSequence("-ctk", "q8_0", "-ctv", "q8_0").containsSequence("-fa", "on");
        assertThat(gpu.notes()).anyMatch(n -> n.contains("placeholder"));
        Export cpu = EngineFormat.LLAMACPP.render(c, ChipCatalog.builtIn().find("intel-xeon-8480").orElseThrow(), null);
        assertThat(cpu.text()).contains("-ngl 0");
    }

    @Test
    void formatsAreFoundByTheirCliNames() {
        assertThat(EngineFormat.byName("vllm-yaml")).contains(EngineFormat.VLLM_YAML);
        assertThat(EngineFormat.byName("LLAMACPP")).contains(EngineFormat.LLAMACPP);
        assertThat(EngineFormat.byName("tgi")).isEmpty();
    }
}
