package dev.adapthub.chips.results;

import dev.adapthub.chips.catalog.ChipSpec;
import dev.adapthub.chips.catalog.Figure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Whether a run measured the config it is attached to (model, chip, devices, parallel sizes,
 * engine) and whether its figures are physically possible on that chip. Every mismatch is an
 * ERROR: a run of another setup must not pass as a measurement of this one.
 */
public final class RunCheck {

    /**
     * Physical ceilings get a factor of slack: peaks in the catalog are dense (sparse doubles
     * them) and the bandwidth floor assumes 2-bit weights and no KV cache. A run beyond that is
     * not fast, it is wrong.
     */
    static final double COMPUTE_SLACK = 2.0;
    static final double MIN_BYTES_PER_WEIGHT = 0.25;

    private RunCheck() {
    }

    public static List<ResultFinding> check(String path, MeasuredRun run, RunExpectation expected) {
        List<ResultFinding> out = new ArrayList<>();
        model(path, run, expected, out);
        chip(path, run, expected, out);
        parallelism(path, run, expected, out);
        engine(path, run, expected, out);
        if (expected.chip() != null && expected.model() != null) {
            physics(path, run, expected, out);
        }
        workload(path, run, expected, out);
        return out;
    }

    private static void model(String path, MeasuredRun run, RunExpectation e, List<ResultFinding> out) {
        if (run.modelNames().isEmpty() || e.modelNames().isEmpty()) {
            return;
        }
        for (String name : run.modelNames()) {
            for (String want : e.modelNames()) {
                if (sameModel(name, want)) {
                    return;
                }
            }
        }
        out.add(ResultFinding.error(ResultCodes.MODEL_MISMATCH, path, "the run measured '" + run.modelNames().get(0)
                + "', but the config serves " + e.modelNames().get(0),
                "attach the run next to a config of that model, or run the benchmark with --model "
                        + e.modelNames().get(0)));
    }

    /** The same model: equal ids, or the run's file or folder name contains the model's name (GGUF files add a quantization). */
    static boolean sameModel(String runName, String modelId) {
        String run = norm(lastSegment(runName).replaceFirst("(?i)\\.gguf$", ""));
        String want = norm(lastSegment(modelId));
        return !want.isEmpty() && (norm(runName).equals(norm(modelId)) || run.contains(want));
    }

    private static void chip(String path, MeasuredRun run, RunExpectation e, List<ResultFinding> out) {
        if (run.chip() != null) {
            if (!run.chip().equals(e.chipId())) {
                out.add(ResultFinding.error(ResultCodes.CHIP_MISMATCH, path, "the run was made on " + run.chip()
                        + ", but the config targets " + e.chipId(), "attach it next to a config for " + run.chip()));
            }
            return;
        }
        if (run.hardware() != null && e.chip() != null && hardwareIs(run.hardware(), e.chip())) {
            out.add(ResultFinding.info(ResultCodes.CHIP_MISSING, path, "chip taken as " + e.chipId() + " from the "
                    + "tool's hardware description '" + run.hardware() + "'", ""));
            return;
        }
        out.add(ResultFinding.error(ResultCodes.CHIP_MISSING, path, "the run does not say which chip it ran on"
                + (run.hardware() == null ? "" : " ('" + run.hardware() + "' is not " + e.chipId() + ")"),
                "add a sidecar " + RunReader.sidecarPath(lastSegment(path)) + " with {\"chip\": \"" + e.chipId()
                        + "\", \"tp\": " + e.tensor() + "}, or run vllm bench serve with --metadata chip="
                        + e.chipId() + " tp=" + e.tensor()));
    }

    /** Whether a tool's hardware text names the chip: its model number ({@code 3090}, {@code 910B4}) appears in it. */
    static boolean hardwareIs(String hardware, ChipSpec chip) {
        String name = chip.name().replaceFirst("\\(.*$", "");
        for (String token : name.split("[\\s]+")) {
            if (token.matches(".*\\d.*") && !token.toLowerCase(Locale.ROOT).matches("\\d+gb")) {
                return norm(hardware).contains(norm(token));
            }
        }
        return false;
    }

    private static void parallelism(String path, MeasuredRun run, RunExpectation e, List<ResultFinding> out) {
        if (run.tensor() == null) {
            out.add(ResultFinding.error(ResultCodes.MISSING_FIELD, path + "#tp", "the run does not say its tensor-"
                    + "parallel size", "add \"tp\": " + e.tensor() + " to the sidecar (or --metadata tp="
                    + e.tensor() + ")"));
        }
        List<String> differ = new ArrayList<>();
        compare("tensor", run.tensor(), e.tensor(), differ);
        compare("pipeline", run.pipeline() == null ? 1 : run.pipeline(), e.pipeline(), differ);
        compare("expert", run.expert() == null ? 1 : run.expert(), e.expert(), differ);
        compare("devices", run.devices(), e.devices(), differ);
        if (!differ.isEmpty()) {
            out.add(ResultFinding.error(ResultCodes.PARALLELISM_MISMATCH, path, "the run used " + String.join(", ",
                    differ), "attach it next to a config with the same parallel sizes"));
        }
    }

    private static void compare(String what, Integer got, int want, List<String> differ) {
        if (got != null && got != want) {
            differ.add(what + " " + got + " (the config: " + want + ")");
        }
    }

    private static void engine(String path, MeasuredRun run, RunExpectation e, List<ResultFinding> out) {
        if (run.engine() == null) {
            out.add(ResultFinding.info(ResultCodes.ENGINE_UNSTATED, path, "the run does not name its engine; taken "
                    + "as the config's (" + e.engine() + ")", "add \"engine\" to the sidecar to be explicit"));
            return;
        }
        if (!sameEngine(run.engine(), e.engine())) {
            out.add(ResultFinding.error(ResultCodes.ENGINE_MISMATCH, path, "the run used " + run.engine()
                    + ", but the config runs on " + e.engine(), "attach it next to a config for " + run.engine()));
        }
    }

    /** {@code vllm} results measure {@code vllm-ascend} configs too (the plugin is vLLM). */
    static boolean sameEngine(String runEngine, String configEngine) {
        String a = norm(runEngine);
        String b = norm(configEngine);
        return a.equals(b) || b.startsWith(a) && a.equals("vllm");
    }

    private static void physics(String path, MeasuredRun run, RunExpectation e, List<ResultFinding> out) {
        ChipSpec chip = e.chip();
        double peakTflops = chip.compute().values().stream().mapToDouble(Figure::value).max().orElse(0);
        double flopsPerToken = 2.0 * e.model().activeParameterCount();
        int devices = Math.max(1, e.devices());
        MeasuredRun.Metrics m = run.metrics();
        if (peakTflops > 0 && flopsPerToken > 0) {
            double ceiling = devices * peakTflops * 1e12 * COMPUTE_SLACK / flopsPerToken;
            Double processed = m.totalTokensPerSecond() != null ? m.totalTokensPerSecond() : m.outputTokensPerSecond();
            limit(path, "tokens/s", processed, ceiling, devices + " × " + chip.name() + " at "
                    + Fields.format(peakTflops) + " TFLOPS", out);
            limit(path, "prompt tokens/s", m.prefillTokensPerSecond(), ceiling, devices + " × " + chip.name()
                    + " at " + Fields.format(peakTflops) + " TFLOPS", out);
        }
        Figure bandwidth = chip.memory().bandwidthGBs();
        if (bandwidth != null && bandwidth.value() > 0 && flopsPerToken > 0) {
            double ceiling = devices * bandwidth.value() * 1e9 / (e.model().activeParameterCount()
                    * MIN_BYTES_PER_WEIGHT);
            limit(path, "decode tokens/s per request", m.decodeTokensPerSecond(), ceiling, devices + " × "
                    + Fields.format(bandwidth.value()) + " GB/s reading " + e.model().activeParameterCount()
                    + " weights per token", out);
        }
    }

    private static void limit(String path, String what, Double measured, double ceiling, String why,
            List<ResultFinding> out) {
        if (measured != null && measured > ceiling) {
            out.add(ResultFinding.error(ResultCodes.ABOVE_PHYSICAL_LIMIT, path, "the run claims " + Fields.format(
                    measured) + " " + what + ", above the physical limit of " + Fields.format(ceiling) + " (" + why
                    + ")", "check that the run and its units are right; a figure this high was not measured on "
                    + "this setup"));
        }
    }

    private static void workload(String path, MeasuredRun run, RunExpectation e, List<ResultFinding> out) {
        MeasuredRun.Workload got = run.workload();
        MeasuredRun.Workload want = e.workload();
        if (want == null || got == null) {
            return;
        }
        List<String> differ = new ArrayList<>();
        if (got.inputTokens() != null && want.inputTokens() != null
                && Math.abs(got.inputTokens() - want.inputTokens()) > 0.1 * want.inputTokens()) {
            differ.add("prompts of " + got.inputTokens() + " tokens (config " + want.inputTokens() + ")");
        }
        if (got.outputTokens() != null && want.outputTokens() != null
                && Math.abs(got.outputTokens() - want.outputTokens()) > 0.1 * want.outputTokens()) {
            differ.add("outputs of " + got.outputTokens() + " tokens (config " + want.outputTokens() + ")");
        }
        if (got.concurrency() != null && !Objects.equals(got.concurrency(), want.concurrency())
                && want.concurrency() != null) {
            differ.add(got.concurrency() + " requests at once (config " + want.concurrency() + ")");
        }
        if (!differ.isEmpty()) {
            out.add(ResultFinding.info(ResultCodes.WORKLOAD_DIFFERS, path, "the run's workload differs from the "
                    + "config's: " + String.join(", ", differ) + "; the estimate beside it is for the run's workload",
                    ""));
        }
    }

    static String lastSegment(String s) {
        String t = s.replace('\\', '/');
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        return t.substring(t.lastIndexOf('/') + 1);
    }

    static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
