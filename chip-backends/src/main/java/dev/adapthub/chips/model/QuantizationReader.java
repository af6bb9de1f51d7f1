package dev.adapthub.chips.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * Recognises {@code quantization_config} of a config.json: GPTQ, AWQ, FP8 (including block-wise
 * DeepSeek-V3 style), compressed-tensors (w8a8 int8, fp8, w4a16) and Ascend w8a8. An unknown
 * method is kept by name so that backends refuse it with a reason instead of the reader failing.
 */
final class QuantizationReader {

    private QuantizationReader() {
    }

    static Quantization read(JsonNode q) {
        if (q == null || !q.isObject()) {
            return null;
        }
        String method = q.path("quant_method").asText("").toLowerCase(Locale.ROOT);
        switch (method) {
            case "gptq", "awq", "gptq_marlin", "awq_marlin" -> {
                String base = method.startsWith("gptq") ? "gptq" : "awq";
                int bits = firstInt(q, 4, "bits", "w_bit");
                int group = firstInt(q, 128, "group_size", "q_group_size");
                return new Quantization(base, bits, Math.max(group, 0), "int" + bits, null);
            }
            case "fp8" -> {
                return new Quantization("fp8", 8, 0, "fp8-e4m3", "fp8-e4m3");
            }
            case "compressed-tensors" -> {
                return compressedTensors(q);
            }
            case "w8a8", "ascend" -> {
                return new Quantization("w8a8", 8, 0, "int8", "int8");
            }
            default -> {
                int bits = firstInt(q, 16, "bits", "num_bits");
                return new Quantization(method.isEmpty() ? "unknown" : method, bits, 0, "int" + bits, null);
            }
        }
    }

    private static Quantization compressedTensors(JsonNode q) {
        JsonNode groups = q.path("config_groups");
        JsonNode group = groups.isObject() && groups.fields().hasNext() ? groups.fields().next().getValue() : null;
        if (group == null) {
            return new Quantization("compressed-tensors", 8, 0, "int8", null);
        }
        JsonNode w = group.path("weights");
        JsonNode a = group.path("input_activations");
        int wBits = w.path("num_bits").asInt(8);
        boolean wFloat = "float".equals(w.path("type").asText());
        int groupSize = w.path("group_size").isInt() ? Math.max(0, w.path("group_size").asInt()) : 0;
        boolean hasActs = a.isObject();
        boolean aFloat = "float".equals(a.path("type").asText());
        if (wFloat && wBits == 8) {
            return new Quantization("fp8", 8, groupSize, "fp8-e4m3", hasActs && aFloat ? "fp8-e4m3" : null);
        }
        if (wBits == 8 && hasActs && a.path("num_bits").asInt() == 8) {
            return new Quantization("w8a8", 8, groupSize, "int8", "int8");
        }
        return new Quantization(wBits == 4 ? "w4a16" : "w8a16", wBits, groupSize, "int" + wBits, null);
    }

    private static int firstInt(JsonNode q, int fallback, String... keys) {
        for (String k : keys) {
            if (q.path(k).isInt()) {
                return q.path(k).asInt();
            }
        }
        return fallback;
    }
}
