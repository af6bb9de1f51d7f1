package dev.adapthub.chips.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adapthub.chips.TestModels;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChipsCliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ChipsCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path writeConfig(String chip, int maxModelLen) throws Exception {
        Path model = Files.createDirectories(dir.resolve("model"));
        Files.write(model.resolve("config.json"), TestModels.bytes("llama-3.1-8b"));
        Path configs = Files.createDirectories(dir.resolve("configs"));
        Path config = configs.resolve("rtx3090.yaml");
        Files.writeString(config, """
                apiVersion: adapthub/v1
                kind: InferenceConfig
                model: {config: ../model/config.json}
                target: {chip: %s}
                engine: {name: vllm, version: "0.6.4"}
                precision: {weights: bf16}
                limits: {maxModelLen: %d, blockSize: 16}
                memory: {utilization: 0.9}
                """.formatted(chip, maxModelLen));
        return config;
    }

    @Test
    void validatePassesAndResolvesModelConfigRelativeToTheConfigFile() throws Exception {
        Path config = writeConfig("nvidia-rtx-3090", 20_000);
        assertThat(run("validate", "--config", config.toString())).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("PASS");
    }

    @Test
    void calibratePrintsTheErrorTableAndWritesTheSummary() throws Exception {
        Path summary = dir.resolve("summary.json");
        assertThat(run("calibrate", "--write", summary.toString())).isEqualTo(0);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("vllm-10517-llama31-8b-rtx3090-29k").contains("REFUSED")
                .contains("kvTokens   HOLDOUT").contains("verdict");
        JsonNode json = new ObjectMapper().readTree(Files.readString(summary));
        assertThat(json.path("metrics").path("kvTokens").path("ALL").path("cases").asInt()).isPositive();
        assertThat(json.path("families").path("GPGPU").path("decodeMsPerToken").path("median").isNumber()).isTrue();
        assertThat(run("calibrate", "--write", dir.resolve("missing/dir/x.json").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot write");
    }

    @Test
    void failingConfigExitsWithOne() throws Exception {
        Path config = writeConfig("nvidia-rtx-3090", 29_000);
        assertThat(run("validate", "--config", config.toString(), "--format", "json")).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.path("verdict").asText()).isEqualTo("FAIL");
        assertThat(json.path("memory").path("fits").asBoolean()).isFalse();
    }

    @Test
    void usageAndParseErrorsExitWithTwo() throws Exception {
        assertThat(run()).isEqualTo(2);
        assertThat(run("validate")).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "apiVersion: adapthub/v1\nkind: InferenceConfig\nmodle: {config: x}\n");
        assertThat(run("validate", "--config", bad.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 3").contains("did you mean 'model'?");
    }

    @Test
    void unknownChipListsClosestIds() throws Exception {
        Path config = writeConfig("nvidia-rtx-3080", 4096);
        assertThat(run("validate", "--config", config.toString(), "--format", "json")).isEqualTo(1);
        JsonNode f = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).path("findings").get(0);
        assertThat(f.path("code").asText()).isEqualTo("CHIP_UNKNOWN");
        assertThat(f.path("hint").asText()).contains("nvidia-rtx-3090");
    }

    @Test
    void chipsListsTheCatalog() throws Exception {
        assertThat(run("chips", "--format", "json")).isEqualTo(0);
        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.path("chips").size()).isGreaterThanOrEqualTo(20);
        assertThat(json.path("chips").get(0).path("backend").asText()).startsWith("sim-");
    }

    /** The JSON report is a stable interface: names and order of its fields are pinned here. */
    @Test
    void jsonReportShapeIsPinned() throws Exception {
        Path config = writeConfig("nvidia-rtx-3090", 20_000);
        run("validate", "--config", config.toString(), "--format", "json");
        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(names(json)).containsExactly("reportVersion", "verdict", "chip", "engine", "backend",
                "catalogVersion", "findings", "memory", "performance", "numerics");
        assertThat(names(json.path("backend"))).containsExactly("id", "version", "spiVersion");
        assertThat(names(json.path("findings").get(0))).containsExactly("code", "severity", "path", "message", "hint",
                "line", "column");
        assertThat(names(json.path("memory"))).containsExactly("totalBytes", "budgetBytes", "weightsBytes",
                "activationBytes", "overheadBytes", "kvCacheBytes", "kvBytesPerToken", "blockSize", "kvCacheBlocks",
                "kvCacheTokens", "maxModelLen", "maxConcurrencyAtMaxModelLen", "fits", "largestMaxModelLen");
        assertThat(json.path("reportVersion").asInt()).isEqualTo(1);
        assertThat(names(json.path("performance"))).containsExactly("prefillMs", "ttftMs", "decodeMsPerToken",
                "outputTokensPerSecond", "bound", "concurrency");
        assertThat(json.path("performance").path("bound").asText()).isIn("compute", "memory", "communication");
        assertThat(names(json.path("numerics"))).startsWith("plan", "weights", "activations", "kvCache", "groupSize",
                "seed").contains("verdict", "tensors", "fp16Overflow");
        assertThat(json.path("numerics").path("weights").asText()).isEqualTo("bf16");
    }

    @Test
    void exportPrintsTheEngineCommandAndRefusesFailingConfigs() throws Exception {
        Path config = writeConfig("nvidia-rtx-3090", 20_000);
        assertThat(run("export", "--config", config.toString(), "--engine", "vllm")).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("vllm serve ")
                .contains("--max-model-len 20000 ").contains("--dtype bfloat16");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("# note: engine.version 0.6.4");
        assertThat(run("export", "--config", config.toString(), "--engine", "tgi")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not 'tgi'");
        Path tooLong = writeConfig("nvidia-rtx-3090", 29_000);
        out.reset();
        assertThat(run("export", "--config", tooLong.toString(), "--engine", "mindie")).isEqualTo(1);
        assertThat(out.size()).isZero();
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
