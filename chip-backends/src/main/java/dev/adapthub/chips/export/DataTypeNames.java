package dev.adapthub.chips.export;

import dev.adapthub.chips.config.InferenceConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Hub data-type and quantization names in the engines' own spelling, both ways. */
final class DataTypeNames {

    private static final Map<String, String> VLLM_DTYPES = Map.of("fp16", "float16", "bf16", "bfloat16",
            "fp32", "float32");
    /** vLLM's --dtype accepts these aliases too ({@code half}, {@code float}). */
    private static final Map<String, String> VLLM_DTYPE_IMPORT = Map.of("float16", "fp16", "half", "fp16",
            "bfloat16", "bf16", "float32", "fp32", "float", "fp32");
    private static final Map<String, String> VLLM_KV = Map.of("fp8", "fp8", "fp8-e4m3", "fp8_e4m3",
            "fp8-e5m2", "fp8_e5m2");
    private static final Map<String, String> VLLM_KV_IMPORT = Map.of("fp8", "fp8", "fp8_e4m3", "fp8-e4m3",
            "fp8_e5m2", "fp8-e5m2");
    /** Schemes vLLM names as they are; the GGUF types all load through vLLM's {@code gguf} method. */
    private static final Set<String> VLLM_SAME = Set.of("gptq", "awq", "fp8");
    private static final Set<String> GGUF = Set.of("q4_0", "q4_k_m", "q5_k_m", "q6_k", "q8_0");

    private DataTypeNames() {
    }

    /** vLLM --dtype: activations if set, else 16/32-bit weights; null when auto. */
    static String vllmDtype(InferenceConfig.Precision p, List<String> notes) {
        String type = p.activations() != null && !p.activations().equals("auto") ? p.activations() : p.weights();
        if (type == null || type.equals("auto")) {
            return null;
        }
        String name = VLLM_DTYPES.get(type);
        if (name == null) {
            notes.add("precision " + type + " is not a vLLM --dtype; vLLM reads low-bit weights from the checkpoint's"
                    + " quantization_config");
        }
        return name;
    }

    /** vLLM --kv-cache-dtype; null when the cache follows --dtype (auto). */
    static String vllmKvCacheDtype(InferenceConfig.Precision p, List<String> notes) {
        String kv = p.kvCache();
        if (kv == null || kv.equals("auto")) {
            return null;
        }
        String name = VLLM_KV.get(kv);
        if (name == null) {
            notes.add("precision.kvCache " + kv + ": vLLM keeps a 16-bit KV cache in the model dtype (auto);"
                    + " it has no separate 16-bit or int8 cache type");
        }
        return name;
    }

    /** vLLM --quantization; null when none. W8A8 is {@code ascend} on vllm-ascend, compressed-tensors elsewhere. */
    static String vllmQuantization(String q, boolean ascend, List<String> notes) {
        if (q == null || q.equals("none")) {
            return null;
        }
        if (VLLM_SAME.contains(q)) {
            return q;
        }
        if (GGUF.contains(q)) {
            notes.add("GGUF " + q + ": pass the .gguf file as the model; vLLM's gguf support is experimental");
            return "gguf";
        }
        if (q.equals("w8a8") && ascend) {
            return "ascend";
        }
        if (q.equals("w8a8") || q.equals("w4a16") || q.equals("w8a16")) {
            return "compressed-tensors";
        }
        notes.add("quantization " + q + " has no vLLM --quantization name; vLLM detects it from the checkpoint");
        return null;
    }

    static String hubDtype(String vllm) throws ExportException {
        if (vllm.equals("auto")) {
            return null;
        }
        return require(VLLM_DTYPE_IMPORT.get(vllm), "--dtype", vllm, VLLM_DTYPE_IMPORT.keySet());
    }

    static String hubKvCache(String vllm) throws ExportException {
        if (vllm.equals("auto")) {
            return null;
        }
        return require(VLLM_KV_IMPORT.get(vllm), "--kv-cache-dtype", vllm, VLLM_KV_IMPORT.keySet());
    }

    /** Hub quantization of a vLLM --quantization value (compressed-tensors and ascend read as W8A8). */
    static String hubQuantization(String vllm) throws ExportException {
        if (vllm.equals("ascend") || vllm.equals("compressed-tensors")) {
            return "w8a8";
        }
        if (vllm.equals("gguf")) {
            throw new ExportException("--quantization gguf does not say which GGUF type; write it in the hub config's"
                    + " quantization (" + String.join(", ", GGUF) + ")");
        }
        return require(VLLM_SAME.contains(vllm) ? vllm : null, "--quantization", vllm, VLLM_SAME);
    }

    /** llama.cpp --cache-type-k/-v for a hub KV type, or null for the default f16. */
    static String llamaCppCacheType(String kv) {
        if (kv == null) {
            return null;
        }
        return switch (kv) {
            case "int8" -> "q8_0";
            case "bf16" -> "bf16";
            case "fp32" -> "f32";
            default -> null;
        };
    }

    private static String require(String value, String flag, String given, Set<String> known) throws ExportException {
        if (value == null) {
            throw new ExportException(flag + " " + given + " is not a value vLLM accepts; use one of " + known);
        }
        return value;
    }
}
