package dev.adapthub.chips.export;

import dev.adapthub.chips.config.InferenceConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads {@code vllm serve} arguments back into a hub config: the inverse of {@link VllmExport} for
 * every argument it writes. The chip and engine are not vLLM arguments, so the caller names them.
 */
public final class VllmImport {

    private static final Set<String> VALUED = Set.of("tensor-parallel-size", "pipeline-parallel-size", "max-model-len",
            "gpu-memory-utilization", "max-num-seqs", "max-num-batched-tokens", "block-size", "dtype", "kv-cache-dtype",
            "quantization", "model", "revision");
    private static final Set<String> FLAGS = Set.of(VllmOptions.ENABLE_EXPERT_PARALLEL);

    private VllmImport() {
    }

    /**
     * Parses {@code [vllm serve] MODEL --flag value --flag=value ...}; underscores in flag names are
     * accepted as vLLM accepts them.
     *
     * @throws ExportException for an argument the hub does not model, a missing value or a bad number
     */
    public static InferenceConfig fromArgs(List<String> args, String chip, String engine) throws ExportException {
        List<String> rest = new ArrayList<>(args);
        // Leading environment assignments (HF_ENDPOINT=… of a pasted hub command) are not arguments.
        while (!rest.isEmpty() && rest.get(0).matches("[A-Z_][A-Z0-9_]*=.*")) {
            rest = rest.subList(1, rest.size());
        }
        if (rest.size() >= 2 && rest.get(0).equals("vllm") && rest.get(1).equals("serve")) {
            rest = rest.subList(2, rest.size());
        }
        Map<String, String> o = new TreeMap<>();
        for (int i = 0; i < rest.size(); i++) {
            String token = rest.get(i);
            if (!token.startsWith("--")) {
                if (o.containsKey("model")) {
                    throw new ExportException("unexpected argument '" + token + "': the model is already '"
                            + o.get("model") + "'");
                }
                o.put("model", token);
                continue;
            }
            String name = token.substring(2).replace('_', '-');
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (FLAGS.contains(name)) {
                o.put(name, "true");
            } else if (VALUED.contains(name)) {
                if (value == null) {
                    if (i + 1 >= rest.size()) {
                        throw new ExportException("--" + name + " needs a value");
                    }
                    value = rest.get(++i);
                }
                o.put(name, value);
            } else {
                throw new ExportException("--" + name + " is not modelled by the hub; supported: " + new TreeMap<>(
                        Map.of("valued", VALUED, "flags", FLAGS)));
            }
        }
        if (!o.containsKey("model")) {
            throw new ExportException("no model: vllm serve needs a model name or path as its first argument");
        }
        return toConfig(o, chip, engine);
    }

    private static InferenceConfig toConfig(Map<String, String> o, String chip, String engine) throws ExportException {
        Integer tp = integer(o, "tensor-parallel-size");
        Integer expert = o.containsKey(VllmOptions.ENABLE_EXPERT_PARALLEL) ? (tp == null ? 1 : tp) : null;
        String dtype = o.containsKey("dtype") ? DataTypeNames.hubDtype(o.get("dtype")) : null;
        String kv = o.containsKey("kv-cache-dtype") ? DataTypeNames.hubKvCache(o.get("kv-cache-dtype")) : null;
        String quant = o.containsKey("quantization") ? DataTypeNames.hubQuantization(o.get("quantization")) : null;
        Double util = null;
        if (o.containsKey("gpu-memory-utilization")) {
            try {
                util = Double.parseDouble(o.get("gpu-memory-utilization"));
            } catch (NumberFormatException e) {
                throw new ExportException("--gpu-memory-utilization " + o.get("gpu-memory-utilization")
                        + " is not a number; give a fraction such as 0.9");
            }
        }
        return new InferenceConfig(ModelPaths.fromReference(o.get("model"), o.get("revision")), new InferenceConfig.Target(chip, null),
                new InferenceConfig.Engine(engine, null), new InferenceConfig.Precision(dtype, null, kv), quant,
                new InferenceConfig.Parallel(tp, integer(o, "pipeline-parallel-size"), expert),
                new InferenceConfig.Limits(integer(o, "max-model-len"), integer(o, "max-num-seqs"),
                        integer(o, "max-num-batched-tokens"), integer(o, "block-size")),
                new InferenceConfig.Memory(util), new InferenceConfig.Workload(null, null, null));
    }

    private static Integer integer(Map<String, String> o, String name) throws ExportException {
        String v = o.get(name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ExportException("--" + name + " " + v + " is not a whole number");
        }
    }
}
