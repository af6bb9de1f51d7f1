package dev.adapthub.chips.numerics;

import java.util.Objects;

/**
 * Which formats a config runs one layer in.
 *
 * <p>How each format is applied by the emulation:
 * <ul>
 *   <li>{@code weights}: every weight matrix; formats that {@linkplain NumericFormat#needsScale()
 *       need scales} (fp8, int) get one symmetric amax scale per {@code groupSize} consecutive
 *       input elements of an output row, or per output row (channel) when {@code groupSize} is
 *       {@link #PER_CHANNEL}.</li>
 *   <li>{@code activations}: a 16/32-bit float format holds every activation between ops. An
 *       fp8/int format (w8a8-style) quantizes the input of each linear layer with a dynamic
 *       per-token scale, while the tensors between ops stay in {@link #carrier()} = bf16, as
 *       vLLM's fp8/int8 linear kernels do.</li>
 *   <li>{@code kvCache}: keys and values on write to the cache; scaled formats use one scale
 *       per token and KV head (a calibrated scale; vLLM's uncalibrated default scale 1.0 for
 *       fp8 can be worse for small values).</li>
 * </ul>
 *
 * @param groupSize positive group size along the input dimension, or {@link #PER_CHANNEL}
 */
public record PrecisionPlan(NumericFormat weights, NumericFormat activations, NumericFormat kvCache, int groupSize) {

    /** Group size meaning "one scale per output channel". */
    public static final int PER_CHANNEL = -1;

    public PrecisionPlan {
        Objects.requireNonNull(weights, "weights format must be given");
        Objects.requireNonNull(activations, "activations format must be given");
        Objects.requireNonNull(kvCache, "kvCache format must be given");
        if (groupSize != PER_CHANNEL && groupSize <= 0) {
            throw new IllegalArgumentException("Invalid precision plan: groupSize (" + groupSize
                    + ") must be positive (e.g. 128) or -1 for per-channel scales");
        }
    }

    /** Everything in one format, per-channel scales where scales are needed. */
    public static PrecisionPlan uniform(NumericFormat format) {
        return new PrecisionPlan(format, format, format, PER_CHANNEL);
    }

    /** Quantized weights with the given group size; activations and KV cache in {@code dtype}. */
    public static PrecisionPlan weightOnly(NumericFormat weights, int groupSize, NumericFormat dtype) {
        return new PrecisionPlan(weights, dtype, dtype, groupSize);
    }

    /** The float format activations are held in between ops (see class doc). */
    public NumericFormat carrier() {
        return activations.needsScale() ? NumericFormat.BF16 : activations;
    }

    /** True when any tensor of the run is stored in fp16, so fp16 overflow matters. */
    public boolean usesFp16() {
        return carrier() == NumericFormat.FP16 || kvCache == NumericFormat.FP16;
    }

    /** Short label, e.g. {@code w=int4/g128 a=fp16 kv=fp8_e4m3}. */
    public String label() {
        String group = weights.needsScale() ? (groupSize == PER_CHANNEL ? "/channel" : "/g" + groupSize) : "";
        return "w=" + weights.id() + group + " a=" + activations.id() + " kv=" + kvCache.id();
    }
}
