package dev.adapthub.chips.validate;

import java.util.Map;

/** Bytes per element of the hub's data-type names, and GGUF bits per weight. */
final class DataTypes {

    private static final Map<String, Double> BYTES = Map.of("fp32", 4.0, "fp16", 2.0, "bf16", 2.0,
            "fp8-e4m3", 1.0, "fp8-e5m2", 1.0, "fp8-e4m3fnuz", 1.0, "int8", 1.0, "int4", 0.5);

    /**
     * GGUF bits per weight. Q4_0 and Q8_0 follow from their block layout (32 weights + one fp16
     * scale: 18 and 34 bytes per block); the K-quant figures are the llama.cpp quantize tool's
     * published averages for 7B-class models (Q4_K_M 4.89, Q5_K_M 5.69, Q6_K 6.56 bpw).
     */
    private static final Map<String, Double> GGUF_BITS = Map.of("q4_0", 4.5, "q4_k_m", 4.89, "q5_k_m", 5.69,
            "q6_k", 6.56, "q8_0", 8.5, "f16", 16.0, "bf16", 16.0);

    private DataTypes() {
    }

    /** Bytes per element; unknown names count as 2 (16-bit) so plans stay plausible. */
    static double bytes(String type) {
        return BYTES.getOrDefault(type, 2.0);
    }

    /** Bits per weight of a GGUF type, or -1 when the name is not a GGUF type. */
    static double ggufBits(String quantization) {
        return GGUF_BITS.getOrDefault(quantization, -1.0);
    }

    /** Hub spelling of a precision value: {@code fp8} means OCP e4m3. */
    static String normalize(String type) {
        return "fp8".equals(type) ? "fp8-e4m3" : type;
    }
}
