package dev.adapthub.chips.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The JSON {@code llama-bench -o json} writes: an array of tests, each with the build
 * ({@code build_commit}, {@code build_number}), the hardware ({@code cpu_info}, {@code gpu_info},
 * {@code backends}), the model ({@code model_filename}, {@code model_type}), the shape
 * ({@code n_prompt}, {@code n_gen}, {@code n_depth}) and the speed ({@code avg_ts}, tokens/s).
 * A prompt test ({@code pp512}: n_prompt &gt; 0, n_gen 0) gives the prefill speed; a generation
 * test ({@code tg128}) the decode speed of one sequence. Tests at a prefilled depth are skipped
 * when depth-0 tests exist; of several tests of one kind (a thread sweep) the fastest counts.
 */
final class LlamaBenchFormat {

    private LlamaBenchFormat() {
    }

    static MeasuredRun read(String path, JsonNode root, Annotations a, Fields f, List<ResultFinding> findings) {
        if (root.isEmpty()) {
            findings.add(ResultFinding.error(ResultCodes.MISSING_FIELD, path, "the array holds no test",
                    "attach the output of llama-bench -o json"));
            return null;
        }
        List<JsonNode> tests = new ArrayList<>();
        boolean anyAtDepthZero = false;
        for (JsonNode t : root) {
            if (!t.isObject() || !t.has("avg_ts")) {
                findings.add(ResultFinding.error(ResultCodes.UNKNOWN_FORMAT, path, "an array entry is not a "
                        + "llama-bench test (no avg_ts)", "attach the output of llama-bench -o json as it is"));
                return null;
            }
            tests.add(t);
            anyAtDepthZero |= t.path("n_depth").asInt(0) == 0;
        }
        Set<String> files = new LinkedHashSet<>();
        Set<String> builds = new LinkedHashSet<>();
        JsonNode bestPp = null;
        JsonNode bestTg = null;
        double ppTs = 0;
        double tgTs = 0;
        for (JsonNode t : tests) {
            if (anyAtDepthZero && t.path("n_depth").asInt(0) != 0) {
                continue;
            }
            String file = Fields.text(t, "model_filename");
            if (file != null) {
                files.add(file);
            }
            String build = Fields.text(t, "build_commit");
            if (build != null) {
                builds.add(build);
            }
            Double ts = f.positive(t, "avg_ts", Fields.MAX_TOKENS_PER_SECOND, "tokens/s");
            int prompt = t.path("n_prompt").asInt(0);
            int gen = t.path("n_gen").asInt(0);
            if (ts == null) {
                continue;
            }
            if (prompt > 0 && gen == 0 && ts > ppTs) {
                bestPp = t;
                ppTs = ts;
            } else if (gen > 0 && prompt == 0 && ts > tgTs) {
                bestTg = t;
                tgTs = ts;
            }
        }
        if (files.size() > 1 || builds.size() > 1) {
            findings.add(ResultFinding.error(ResultCodes.MIXED_RUNS, path, "the file mixes " + (files.size() > 1
                    ? files.size() + " models " + files : builds.size() + " builds " + builds),
                    "attach one file per model and build: llama-bench -m <one model> -o json"));
        }
        if (bestPp == null && bestTg == null) {
            findings.add(ResultFinding.error(ResultCodes.MISSING_FIELD, path, "no prompt (pp) or generation (tg) "
                    + "test with a positive avg_ts", "run llama-bench with its default tests (-p 512 -n 128)"));
        }
        JsonNode any = bestTg != null ? bestTg : bestPp != null ? bestPp : tests.get(0);
        List<String> models = new ArrayList<>();
        if (a.model() != null) {
            models.add(a.model());
        }
        String file = Fields.text(any, "model_filename");
        if (file != null) {
            models.add(file);
        }
        String gpu = Fields.text(any, "gpu_info");
        String hardware = gpu != null ? gpu : Fields.text(any, "cpu_info");
        String build = Fields.text(any, "build_commit");
        String number = Fields.text(any, "build_number");
        String version = a.engineVersion() != null ? a.engineVersion()
                : build == null ? null : number == null ? build : "b" + number + " (" + build + ")";
        Integer input = bestPp == null ? null : bestPp.path("n_prompt").asInt();
        Integer output = bestTg == null ? null : bestTg.path("n_gen").asInt();
        MeasuredRun.Metrics metrics = new MeasuredRun.Metrics(
                bestTg == null ? null : tgTs, null, null,
                bestPp == null ? null : input * 1000.0 / ppTs,
                bestTg == null ? null : 1000.0 / tgTs,
                bestTg == null ? null : tgTs,
                bestPp == null ? null : ppTs);
        return new MeasuredRun(RunFormat.LLAMA_BENCH, models, a.chip(), hardware, a.devices(),
                a.tensor() == null ? 1 : a.tensor(), a.pipeline(), a.expert(),
                a.engine() == null ? "llama.cpp" : a.engine(), version, Fields.text(any, "test_time"),
                new MeasuredRun.Workload(input, output, 1, null), metrics);
    }
}
