package dev.adapthub.chips.model;

/**
 * A checkpoint's quantization as read from {@code quantization_config}.
 *
 * @param method        hub scheme name: {@code gptq}, {@code awq}, {@code fp8}, {@code w8a8} (int8
 *                      weights and activations) or {@code w4a16}; see {@link QuantizationReader}
 * @param weightBits    bits per quantized weight (4 or 8)
 * @param groupSize     weights per scale group, or 0 for per-channel / per-tensor scales
 * @param weightType    storage type of quantized weights: {@code int4}, {@code int8}, {@code fp8-e4m3}
 * @param activationType activation type at matmul, {@code null} when activations stay 16-bit
 */
public record Quantization(String method, int weightBits, int groupSize, String weightType, String activationType) {

    /** Bytes per quantized weight including its share of scales and zero points. */
    public double bytesPerWeight() {
        double bytes = weightBits / 8.0;
        if (groupSize > 0) {
            // one fp16 scale and one packed zero point (weightBits) per group (GPTQ/AWQ layout)
            bytes += (2.0 + weightBits / 8.0) / groupSize;
        }
        return bytes;
    }
}
