package dev.adapthub.web.builder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The config builder's form as typed (every field a string, so what was typed comes back as it
 * was), its checks, and the inference config YAML it writes. A field that cannot be a config's
 * value gets a message here; whether a good-looking config fits the chip is the validator's to say.
 */
public record BuilderForm(String model, String chip, String engine, String weights, String kvCache, String tensor,
        String pipeline, String maxModelLen, String maxNumSeqs, String inputTokens, String outputTokens,
        String concurrency, String utilization, String name) {

    /** An engine the builder offers, as {@code name:version}. */
    public static final List<String> ENGINES = List.of("vllm:0.10.1", "vllm-ascend:0.9.1", "mindie:2.1.RC1",
            "llama.cpp:b6100");
    public static final List<String> WEIGHT_TYPES = List.of("bf16", "fp16", "fp8");
    public static final List<String> KV_TYPES = List.of("bf16", "fp16", "fp8");
    public static final int MAX_MODEL_LEN = 1 << 20;
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*");

    /** The form a chip and a model open with. */
    static BuilderForm start(String model, String chip, String engine) {
        String file = chip == null || chip.isBlank() ? "config" : chip + "-" + engine.substring(0, engine.indexOf(':'));
        return new BuilderForm(model == null ? "" : model, chip == null ? "" : chip, engine, "bf16", "bf16", "1", "1",
                "8192", "128", "2048", "256", "8", "0.90", file);
    }

    /** The engine a chip's vendor usually runs: vllm-ascend on Ascend, llama.cpp on CPUs, vLLM elsewhere. */
    static String engineFor(String chipId, boolean cpu) {
        if (chipId != null && chipId.startsWith("ascend-")) {
            return "vllm-ascend:0.9.1";
        }
        return cpu ? "llama.cpp:b6100" : "vllm:0.10.1";
    }

    /** The fields, checked: numbers parsed, in range; messages by field name. */
    record Checked(Map<String, String> errors, int tensorValue, int pipelineValue, int maxModelLenValue,
            int maxNumSeqsValue, int inputValue, int outputValue, int concurrencyValue, double utilizationValue) {
    }

    Checked check() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (model == null || !MODEL.matcher(model.strip()).matches()) {
            errors.put("model", "Name a model repository as owner/name, e.g. meta-llama/Llama-3.1-8B-Instruct.");
        }
        if (chip == null || chip.isBlank()) {
            errors.put("chip", "Pick a chip.");
        }
        if (engine == null || !ENGINES.contains(engine)) {
            errors.put("engine", "Pick one of the engines offered: " + String.join(", ", ENGINES) + ".");
        }
        if (weights == null || !WEIGHT_TYPES.contains(weights)) {
            errors.put("weights", "Weights are one of " + String.join(", ", WEIGHT_TYPES) + ".");
        }
        if (kvCache == null || !KV_TYPES.contains(kvCache)) {
            errors.put("kvCache", "The KV cache is one of " + String.join(", ", KV_TYPES) + ".");
        }
        int tp = whole(errors, "tensor", tensor, 1, 64, "Tensor parallelism");
        int pp = whole(errors, "pipeline", pipeline, 1, 64, "Pipeline parallelism");
        int len = whole(errors, "maxModelLen", maxModelLen, 16, MAX_MODEL_LEN, "maxModelLen");
        int seqs = whole(errors, "maxNumSeqs", maxNumSeqs, 1, 4096, "maxNumSeqs");
        int in = whole(errors, "inputTokens", inputTokens, 1, MAX_MODEL_LEN, "Input tokens");
        int out = whole(errors, "outputTokens", outputTokens, 1, MAX_MODEL_LEN, "Output tokens");
        int conc = whole(errors, "concurrency", concurrency, 1, 4096, "Concurrency");
        double util = 0;
        try {
            util = Double.parseDouble(utilization == null ? "" : utilization.strip());
            if (!(util >= 0.1 && util <= 0.99)) {
                errors.put("utilization", "Memory utilization is a fraction between 0.10 and 0.99, e.g. 0.90.");
            }
        } catch (NumberFormatException e) {
            errors.put("utilization", "Memory utilization is a fraction between 0.10 and 0.99, e.g. 0.90.");
        }
        if (name == null || !FILE_NAME.matcher(name.strip()).matches()) {
            errors.put("name", "The file name takes letters, digits, '.', '_' and '-' (at most 80), e.g. "
                    + "ascend-910b3-vllm-ascend.");
        }
        return new Checked(errors, tp, pp, len, seqs, in, out, conc, util);
    }

    private static int whole(Map<String, String> errors, String field, String text, int min, int max, String label) {
        try {
            int value = Integer.parseInt(text == null ? "" : text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.put(field, String.format(Locale.ROOT, "%s is a whole number from %,d to %,d.", label, min, max));
        return 0;
    }

    /** Where the config goes in the model repository. */
    String path() {
        return "adaptations/" + chip.strip() + "/" + name.strip().replaceAll("(?i)\\.ya?ml$", "") + ".yaml";
    }

    /** The inference config, in the form of the hub's demo configs; call only when {@link #check()} found nothing. */
    String yaml(Checked c) {
        String engineName = engine.substring(0, engine.indexOf(':'));
        String engineVersion = engine.substring(engine.indexOf(':') + 1);
        String activations = "fp16".equals(weights) ? "fp16" : "bf16";
        return String.format(Locale.ROOT, """
                # %s on %s with %s, written by the AdaptHub config builder.
                apiVersion: adapthub/v1
                kind: InferenceConfig
                model: {config: ../../config.json}
                target: {chip: %s, devices: %d}
                engine: {name: %s, version: "%s"}
                precision: {weights: %s, activations: %s, kvCache: %s}
                parallel: {tensor: %d, pipeline: %d, expert: 1}
                limits: {maxModelLen: %d, maxNumSeqs: %d, maxBatchedTokens: 8192}
                memory: {utilization: %.2f}
                workload: {inputTokens: %d, outputTokens: %d, concurrency: %d}
                """, model.strip(), chip.strip(), engineName, chip.strip(), c.tensorValue() * c.pipelineValue(),
                engineName, engineVersion, weights, activations, kvCache, c.tensorValue(), c.pipelineValue(),
                c.maxModelLenValue(), c.maxNumSeqsValue(), c.utilizationValue(), c.inputValue(), c.outputValue(),
                c.concurrencyValue());
    }
}
