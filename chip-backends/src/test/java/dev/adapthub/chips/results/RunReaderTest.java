package dev.adapthub.chips.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading real tool output (see src/test/resources/results/SOURCES.md) and hostile files. */
class RunReaderTest {

    static byte[] sample(String name) {
        try (InputStream in = RunReaderTest.class.getResourceAsStream("/results/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static List<String> codes(RunReader.Read read) {
        return read.findings().stream().map(ResultFinding::code).toList();
    }

    @Test
    void readsVllmBenchServeResultAsSaved() {
        RunReader.Read read = RunReader.read("a/x.results/run.json", sample("vllm-bench-llama-3.2-3b-l40s.json"), null);
        assertThat(read.findings()).isEmpty();
        MeasuredRun run = read.run();
        assertThat(run.format()).isEqualTo(RunFormat.VLLM_BENCH);
        // the --metadata key "model" and model_id agree; tokenizer_id adds nothing new
        assertThat(run.modelNames()).containsExactly("meta-llama/Llama-3.2-3B-Instruct");
        assertThat(run.chip()).isNull();
        assertThat(run.tensor()).isNull();
        assertThat(run.engine()).isEqualTo("vllm");
        assertThat(run.date()).isEqualTo("20250530-203806");
        assertThat(run.workload().inputTokens()).isEqualTo(999);
        assertThat(run.workload().outputTokens()).isEqualTo(270);
        assertThat(run.workload().requests()).isEqualTo(300);
        assertThat(run.workload().concurrency()).isNull(); // 10 requests/s, no cap: concurrency unknown
        assertThat(run.metrics().outputTokensPerSecond()).isCloseTo(2249.247, within(0.001));
        assertThat(run.metrics().ttftMs()).isCloseTo(54.577, within(0.001));
        assertThat(run.metrics().tpotMs()).isCloseTo(13.578, within(0.001));
        assertThat(run.metrics().decodeTokensPerSecond()).isCloseTo(1000 / 13.577995860227945, within(1e-9));
        assertThat(run.metrics().requestsPerSecond()).isCloseTo(8.325, within(0.001));
    }

    @Test
    void sidecarAndMetadataAnnotateTheRun() {
        String withMetadata = new String(sample("vllm-bench-llama-3.2-3b-l40s.json"), StandardCharsets.UTF_8)
                .replace("\"deployment\": \"base\"", "\"chip\": \"nvidia-rtx-3090\", \"tp\": \"2\"");
        RunReader.Read read = RunReader.read("r.json", utf8(withMetadata),
                utf8("{\"chip\": \"nvidia-l40s\", \"engine\": \"vllm\", \"engine_version\": \"0.9.0\"}"));
        assertThat(read.findings()).isEmpty();
        assertThat(read.run().chip()).isEqualTo("nvidia-l40s"); // the sidecar wins
        assertThat(read.run().tensor()).isEqualTo(2);            // --metadata tp=2, a string, read as a count
        assertThat(read.run().engineVersion()).isEqualTo("0.9.0");
    }

    @Test
    void readsLlamaBenchJson() {
        RunReader.Read read = RunReader.read("r.json", sample("llama-bench-qwen2.5-7b-rtx4080.json"), null);
        assertThat(read.findings()).isEmpty();
        MeasuredRun run = read.run();
        assertThat(run.format()).isEqualTo(RunFormat.LLAMA_BENCH);
        assertThat(run.modelNames()).containsExactly("models/Qwen2.5-7B-Instruct-Q4_K_M.gguf");
        assertThat(run.hardware()).isEqualTo("NVIDIA GeForce RTX 4080");
        assertThat(run.engine()).isEqualTo("llama.cpp");
        assertThat(run.engineVersion()).isEqualTo("b5163 (8cf427ff)");
        assertThat(run.tensor()).isEqualTo(1);
        assertThat(run.metrics().decodeTokensPerSecond()).isCloseTo(118.881588, within(1e-6));
        assertThat(run.metrics().prefillTokensPerSecond()).isCloseTo(7100.002165, within(1e-6));
        assertThat(run.metrics().ttftMs()).isCloseTo(512 * 1000 / 7100.002165, within(1e-6));
        assertThat(run.workload().inputTokens()).isEqualTo(512);
        assertThat(run.workload().outputTokens()).isEqualTo(128);
        assertThat(run.workload().concurrency()).isEqualTo(1);
    }

    @Test
    void readsTheHubsOwnFormatAndChecksItAgainstTheSchema() {
        String ok = """
                {"apiVersion": "adapthub/v1", "kind": "MeasuredRun", "model": "Qwen/Qwen2.5-7B-Instruct",
                 "chip": "ascend-910b4", "devices": 1, "parallel": {"tensor": 1},
                 "engine": {"name": "mindie", "version": "2.0.RC1"}, "date": "2026-11-30",
                 "workload": {"inputTokens": 2048, "outputTokens": 256, "concurrency": 8},
                 "results": {"outputTokensPerSecond": 410.5, "ttftMs": 620, "tpotMs": 19.5}}
                """;
        RunReader.Read read = RunReader.read("r.json", utf8(ok), null);
        assertThat(read.findings()).isEmpty();
        assertThat(read.run().format()).isEqualTo(RunFormat.ADAPTHUB);
        assertThat(read.run().chip()).isEqualTo("ascend-910b4");
        assertThat(read.run().metrics().decodeTokensPerSecond()).isCloseTo(1000 / 19.5, within(1e-9));

        RunReader.Read bad = RunReader.read("r.json", utf8(ok.replace("410.5", "-3").replace("\"chip\"", "\"chips\"")), null);
        assertThat(bad.run()).isNull();
        assertThat(codes(bad)).containsOnly(ResultCodes.BAD_VALUE).hasSizeGreaterThanOrEqualTo(2);
        assertThat(bad.findings()).allSatisfy(f -> assertThat(f.hint()).contains("schema"));
    }

    @Test
    void absurdAndNegativeFiguresAreFindings() {
        String json = new String(sample("vllm-bench-llama-3.2-3b-l40s.json"), StandardCharsets.UTF_8)
                .replace("\"mean_ttft_ms\": 54.577085783294024", "\"mean_ttft_ms\": -54.5")
                .replace("\"output_throughput\": 2249.247363167692", "\"output_throughput\": 2249247363167.692");
        RunReader.Read read = RunReader.read("a.results/r.json", utf8(json), null);
        assertThat(read.usable()).isFalse();
        assertThat(read.findings()).extracting(ResultFinding::path)
                .containsExactlyInAnyOrder("a.results/r.json#mean_ttft_ms", "a.results/r.json#output_throughput");
        assertThat(read.findings()).allSatisfy(f -> {
            assertThat(f.code()).isEqualTo(ResultCodes.BAD_VALUE);
            assertThat(f.hint()).isNotEmpty();
        });
    }

    @Test
    void hostileFilesCostAFindingNotTheHeap() {
        assertThat(codes(RunReader.read("r.json", new byte[RunReader.MAX_BYTES + 1], null)))
                .containsExactly(ResultCodes.TOO_LARGE);
        assertThat(codes(RunReader.read("r.json", utf8("[".repeat(100_000)), null))).containsExactly(ResultCodes.NOT_JSON);
        assertThat(codes(RunReader.read("r.json", utf8("{\"output_throughput\": 1" + "0".repeat(5000) + "}"), null)))
                .containsExactly(ResultCodes.NOT_JSON);
        assertThat(codes(RunReader.read("r.json", utf8("{\"output_throughput\": 1, \"output_throughput\": 9e9}"), null)))
                .containsExactly(ResultCodes.NOT_JSON);
        assertThat(codes(RunReader.read("r.json", utf8("{\"output_throughput\": NaN}"), null)))
                .containsExactly(ResultCodes.NOT_JSON);
        // YAML with an alias bomb is not JSON, and is never parsed as YAML
        assertThat(codes(RunReader.read("r.json", utf8("a: &a [\"x\",\"x\"]\nb: &b [*a,*a]\nc: [*b,*b]\n"), null)))
                .containsExactly(ResultCodes.NOT_JSON);
        assertThat(codes(RunReader.read("r.json", utf8("{} {}"), null))).containsExactly(ResultCodes.NOT_JSON);
        assertThat(codes(RunReader.read("r.json", new byte[0], null))).containsExactly(ResultCodes.NOT_JSON);
        assertThat(codes(RunReader.read("r.json", utf8("{\"hello\": 1}"), null))).containsExactly(ResultCodes.UNKNOWN_FORMAT);
        assertThat(codes(RunReader.read("r.json", utf8("[{\"n_prompt\": 1}]"), null))).containsExactly(ResultCodes.UNKNOWN_FORMAT);
    }

    @Test
    void badSidecarsAreFindings() {
        byte[] run = sample("vllm-bench-llama-3.2-3b-l40s.json");
        RunReader.Read unknownKey = RunReader.read("x.results/r.json", run, utf8("{\"chip\": \"nvidia-l40s\", \"gpu\": 4}"));
        assertThat(unknownKey.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(ResultCodes.BAD_SIDECAR);
            assertThat(f.path()).isEqualTo("x.results/r.meta.json");
            assertThat(f.message()).contains("gpu");
        });
        assertThat(codes(RunReader.read("r.json", run, utf8("not json")))).containsExactly(ResultCodes.NOT_JSON);
        assertThat(codes(RunReader.read("r.json", run, utf8("{\"tp\": 0}")))).containsExactly(ResultCodes.BAD_VALUE);
    }

    @Test
    void mixedLlamaBenchFilesAreRefused() {
        String two = new String(sample("llama-bench-qwen2.5-7b-rtx4080.json"), StandardCharsets.UTF_8)
                .replaceFirst("Qwen2.5-7B-Instruct-Q4_K_M", "Llama-3.1-8B-Instruct-Q4_K_M");
        assertThat(codes(RunReader.read("r.json", utf8(two), null))).containsExactly(ResultCodes.MIXED_RUNS);
    }

    @Test
    void resultsLiveInAFolderNamedAfterTheirConfig() {
        assertThat(ResultsLayout.folderOf("adaptations/nvidia-l40s-vllm.yaml")).isEqualTo("adaptations/nvidia-l40s-vllm.results");
        assertThat(ResultsLayout.folderOf("a.YML")).isEqualTo("a.results");
        assertThat(ResultsLayout.configsOf("adaptations/nvidia-l40s-vllm.results/c8.json"))
                .containsExactly("adaptations/nvidia-l40s-vllm.yaml", "adaptations/nvidia-l40s-vllm.yml");
        assertThat(ResultsLayout.configsOf("x.results/r.json")).containsExactly("x.yaml", "x.yml");
        assertThat(ResultsLayout.configsOf("adaptations/.results/r.json")).isEmpty();
        assertThat(ResultsLayout.configsOf("adaptations/x.results/sub/r.json")).isEmpty();
        assertThat(ResultsLayout.configsOf("r.json")).isEmpty();
        assertThat(RunReader.sidecarPath("x.results/c8.json")).isEqualTo("x.results/c8.meta.json");
        assertThat(RunReader.isSidecar("x.results/c8.meta.json")).isTrue();
    }

    @Test
    void figuresInMessagesKeepTheirDigits() {
        assertThat(Fields.format(100000)).isEqualTo("100000");
        assertThat(Fields.format(502.1)).isEqualTo("502.1");
        assertThat(Fields.format(0.0125)).isEqualTo("0.0125");
        assertThat(Fields.format(2.5e9)).isEqualTo("2.50e+09");
    }

    @Test
    void comparisonErrorIsRelativeToTheMeasurement() {
        MeasuredRun.Metrics m = new MeasuredRun.Metrics(100.0, null, null, 200.0, 20.0, 50.0, null);
        List<Comparison.Row> rows = Comparison.of(m, new Predicted(125.0, 150.0, null, 40.0, 999.0));
        assertThat(rows).extracting(Comparison.Row::metric).containsExactly(
                Comparison.Metric.OUTPUT_TOKENS_PER_SECOND, Comparison.Metric.DECODE_TOKENS_PER_SECOND,
                Comparison.Metric.TTFT_MS, Comparison.Metric.TPOT_MS);
        assertThat(rows.get(0).error()).isCloseTo(0.25, within(1e-12));
        assertThat(rows.get(1).error()).isCloseTo(-0.2, within(1e-12));
        assertThat(rows.get(2).error()).isCloseTo(-0.25, within(1e-12));
        assertThat(rows.get(3).error()).isNull();
        assertThat(Comparison.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(Comparison.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
    }
}
