package dev.adapthub.chips.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The JSON {@code vllm bench serve --save-result} writes: {@code date}, {@code backend},
 * {@code model_id}, {@code num_prompts}, {@code max_concurrency}, {@code completed},
 * {@code total_input_tokens}, {@code total_output_tokens}, {@code request_throughput},
 * {@code output_throughput}, {@code total_token_throughput}, {@code mean_ttft_ms},
 * {@code mean_tpot_ms} and their medians and percentiles, plus the {@code --metadata} keys.
 * It names no chip and no parallelism: those come from {@link Annotations}.
 */
final class VllmBenchFormat {

    /** Client backends of vllm bench that say nothing about the server's engine. */
    private static final Set<String> GENERIC_CLIENTS = Set.of("openai", "openai-chat", "openai-audio",
            "openai-embeddings", "openai-chat-omni");

    private VllmBenchFormat() {
    }

    static MeasuredRun read(String path, JsonNode root, Annotations sidecar, Fields f, List<ResultFinding> findings) {
        Annotations a = Annotations.read(root, f).overriddenBy(sidecar);
        List<String> models = new ArrayList<>();
        addIfPresent(models, a.model());
        addIfPresent(models, Fields.text(root, "model_id"));
        addIfPresent(models, Fields.text(root, "tokenizer_id"));
        if (models.isEmpty()) {
            findings.add(ResultFinding.error(ResultCodes.MISSING_FIELD, path + "#model_id", "the result names no model",
                    "attach the file vllm bench wrote (it records model_id), or add \"model\" to the sidecar"));
        }
        Integer completed = f.count(root, "completed");
        Integer prompts = f.count(root, "num_prompts");
        Integer failed = root.path("failed").isNumber() ? root.path("failed").intValue() : null;
        if (completed != null && prompts != null && completed < prompts || failed != null && failed > 0) {
            findings.add(ResultFinding.warning(ResultCodes.FAILED_REQUESTS, path, "only " + completed + " of "
                    + prompts + " requests completed", "figures from a run with failed requests understate "
                    + "latency; run again with fewer prompts or a lower rate"));
        }
        Integer input = perRequest(root, "total_input_tokens", completed);
        Integer output = perRequest(root, "total_output_tokens", completed);
        Integer concurrency = f.count(root, "max_concurrency");
        if (concurrency == null && "inf".equals(Fields.text(root, "request_rate"))) {
            concurrency = prompts; // every request sent at once
        }
        Double tpot = f.positive(root, "mean_tpot_ms", Fields.MAX_MS, "milliseconds");
        MeasuredRun.Metrics metrics = new MeasuredRun.Metrics(
                f.positive(root, "output_throughput", Fields.MAX_TOKENS_PER_SECOND, "tokens/s"),
                f.positive(root, "total_token_throughput", Fields.MAX_TOKENS_PER_SECOND, "tokens/s"),
                f.positive(root, "request_throughput", Fields.MAX_REQUESTS_PER_SECOND, "requests/s"),
                f.positive(root, "mean_ttft_ms", Fields.MAX_MS, "milliseconds"),
                tpot,
                tpot == null ? null : 1000.0 / tpot,
                null);
        String engine = a.engine();
        if (engine == null) {
            String backend = Fields.text(root, "backend");
            if (backend != null && !GENERIC_CLIENTS.contains(backend)) {
                engine = backend;
            }
        }
        return new MeasuredRun(RunFormat.VLLM_BENCH, models, a.chip(), null, a.devices(), a.tensor(), a.pipeline(),
                a.expert(), engine, a.engineVersion(), Fields.text(root, "date"),
                new MeasuredRun.Workload(input, output, concurrency, prompts), metrics);
    }

    private static Integer perRequest(JsonNode root, String total, Integer completed) {
        JsonNode v = root.get(total);
        if (v == null || !v.isNumber() || completed == null || v.doubleValue() <= 0) {
            return null;
        }
        return (int) Math.round(v.doubleValue() / completed);
    }

    private static void addIfPresent(List<String> list, String value) {
        if (value != null && !list.contains(value)) {
            list.add(value);
        }
    }
}
