package dev.adapthub.chips.export;

import dev.adapthub.chips.config.InferenceConfig;
import dev.adapthub.chips.spi.Engines;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The vLLM engine arguments a hub config sets, as long-form names without dashes
 * ({@code tensor-parallel-size}) in a fixed order. Only arguments vLLM's {@code vllm serve --help}
 * lists (vLLM engine-args docs, 0.6-0.9): {@code --tensor-parallel-size}, {@code --pipeline-parallel-size},
 * {@code --enable-expert-parallel}, {@code --max-model-len}, {@code --gpu-memory-utilization},
 * {@code --max-num-seqs}, {@code --max-num-batched-tokens}, {@code --block-size}, {@code --dtype}
 * (auto, half, float16, bfloat16, float, float32), {@code --kv-cache-dtype} (auto, fp8, fp8_e4m3,
 * fp8_e5m2), {@code --quantization} and {@code --revision} (with a repository id as the model). Arguments left out mean the engine's default.
 */
final class VllmOptions {

    static final String ENABLE_EXPERT_PARALLEL = "enable-expert-parallel";

    private VllmOptions() {
    }

    /** The options in order; a boolean flag has the value {@code "true"}. Notes collect what vLLM cannot say. */
    static Map<String, String> of(InferenceConfig c, ModelSource source, List<String> notes) {
        Map<String, String> o = new LinkedHashMap<>();
        InferenceConfig.ModelRef model = ModelPaths.pinned(c.model(), source);
        o.put("model", ModelPaths.reference(model));
        if (model.repo() != null && model.revision() != null) {
            o.put("revision", model.revision());
        }
        InferenceConfig.Parallel p = c.parallel();
        putIfSet(o, "tensor-parallel-size", p.tensor());
        putIfSet(o, "pipeline-parallel-size", p.pipeline());
        if (p.expert() != null && p.expert() > 1) {
            o.put(ENABLE_EXPERT_PARALLEL, "true");
            if (p.expert() != p.tensorOrOne()) {
                notes.add("vLLM's expert parallel size is tensor × data parallel; parallel.expert " + p.expert()
                        + " differs from tensor " + p.tensorOrOne());
            }
        }
        InferenceConfig.Limits l = c.limits();
        putIfSet(o, "max-model-len", l.maxModelLen());
        putIfSet(o, "gpu-memory-utilization", c.memory().utilization());
        putIfSet(o, "max-num-seqs", l.maxNumSeqs());
        putIfSet(o, "max-num-batched-tokens", l.maxBatchedTokens());
        putIfSet(o, "block-size", l.blockSize());
        String dtype = DataTypeNames.vllmDtype(c.precision(), notes);
        if (dtype != null) {
            o.put("dtype", dtype);
        }
        String kv = DataTypeNames.vllmKvCacheDtype(c.precision(), notes);
        if (kv != null) {
            o.put("kv-cache-dtype", kv);
        }
        String q = DataTypeNames.vllmQuantization(c.quantization(), Engines.VLLM_ASCEND.equals(c.engine().name()),
                notes);
        if (q != null) {
            o.put("quantization", q);
        }
        if (c.engine().version() != null) {
            notes.add("engine.version " + c.engine().version() + ": install that vLLM version; no argument selects it");
        }
        return o;
    }

    /** {@code vllm serve <model> --name value ...}; flags without a value for booleans. */
    static List<String> commandLine(Map<String, String> options) {
        List<String> args = new ArrayList<>(List.of("vllm", "serve", options.get("model")));
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (e.getKey().equals("model")) {
                continue;
            }
            args.add("--" + e.getKey());
            if (!e.getValue().equals("true")) {
                args.add(e.getValue());
            }
        }
        return args;
    }

    private static void putIfSet(Map<String, String> o, String name, Object value) {
        if (value != null) {
            o.put(name, String.valueOf(value));
        }
    }
}
