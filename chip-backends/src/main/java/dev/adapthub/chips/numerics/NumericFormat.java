package dev.adapthub.chips.numerics;

import java.util.Locale;

/**
 * A number format an accelerator stores weights, activations or the KV cache in, with exact
 * round-to-nearest-even quantization of a {@code double} into it.
 *
 * <p>Float formats are described by exponent bits, mantissa bits and exponent bias; rounding
 * handles subnormals and, on overflow, does what the format defines:
 * <ul>
 *   <li>IEEE-like formats with infinities ({@link #FP32}, {@link #BF16}, {@link #FP16},
 *       {@link #FP8_E5M2}) round to ±infinity once a value reaches max + ½ulp;</li>
 *   <li>the OCP {@link #FP8_E4M3} ("e4m3fn", max 448) and AMD MI300's {@link #FP8_E4M3FNUZ}
 *       (max 240, no negative zero) have no infinity; they saturate to ±max, the OCP
 *       "saturating" conversion that quantization kernels use (vLLM clamps to ±448 before the
 *       cast); the non-saturating mode would yield NaN instead.</li>
 * </ul>
 * Integer formats ({@link #INT8}, {@link #INT4}) are symmetric: a value {@code x} with scale
 * {@code s} becomes {@code clamp(rint(x / s), -qmax, qmax) * s}, with {@code qmax} 127 and 7
 * (the code -8 of int4 is left unused, as symmetric GPTQ/AWQ-style kernels do).
 *
 * <p>Invariant: {@link #quantize(double)} is idempotent and monotone (non-decreasing), and for
 * float formats {@code fromBits(toBits(q)) == q} for every quantized {@code q}.
 */
public enum NumericFormat {
    FP32("fp32", 32, 8, 23, 127, Overflow.TO_INFINITY, true),
    BF16("bf16", 16, 8, 7, 127, Overflow.TO_INFINITY, true),
    FP16("fp16", 16, 5, 10, 15, Overflow.TO_INFINITY, true),
    FP8_E4M3("fp8_e4m3", 8, 4, 3, 7, Overflow.SATURATE, true),
    FP8_E4M3FNUZ("fp8_e4m3fnuz", 8, 4, 3, 8, Overflow.SATURATE, false),
    FP8_E5M2("fp8_e5m2", 8, 5, 2, 15, Overflow.TO_INFINITY, true),
    INT8("int8", 8, 0, 0, 0, Overflow.SATURATE, false),
    INT4("int4", 4, 0, 0, 0, Overflow.SATURATE, false);

    private enum Overflow { TO_INFINITY, SATURATE }

    private final String id;
    private final int bits;
    private final int exponentBits;
    private final int mantissaBits;
    private final int bias;
    private final Overflow overflow;
    private final boolean negativeZero;
    private final double maxValue;
    private final int minExponent;

    NumericFormat(String id, int bits, int exponentBits, int mantissaBits, int bias,
                  Overflow overflow, boolean negativeZero) {
        this.id = id;
        this.bits = bits;
        this.exponentBits = exponentBits;
        this.mantissaBits = mantissaBits;
        this.bias = bias;
        this.overflow = overflow;
        this.negativeZero = negativeZero;
        this.minExponent = 1 - bias;
        this.maxValue = exponentBits == 0 ? (1 << (bits - 1)) - 1 : maxFinite(exponentBits, mantissaBits, bias, overflow);
    }

    private static double maxFinite(int e, int m, int bias, Overflow overflow) {
        int topField = (1 << e) - 1;
        if (overflow == Overflow.TO_INFINITY) {
            // the all-ones exponent is reserved for inf/NaN
            return Math.scalb(2.0 - Math.scalb(1.0, -m), topField - 1 - bias);
        }
        // e4m3fn: only mantissa all-ones of the top exponent is NaN -> max mantissa is 1.110b;
        // e4m3fnuz: NaN is the negative-zero pattern, so the top binade is fully usable.
        boolean topMantissaIsNan = bias == 7;
        double mantissa = 2.0 - Math.scalb(1.0, -m) * (topMantissaIsNan ? 2 : 1);
        return Math.scalb(mantissa, topField - bias);
    }

    /** Lower-case name used in configs and reports, e.g. {@code bf16}, {@code fp8_e4m3}. */
    public String id() {
        return id;
    }

    /** Storage width in bits. */
    public int bits() {
        return bits;
    }

    /** Explicit mantissa (fraction) bits; 0 for integer formats. */
    public int mantissaBits() {
        return mantissaBits;
    }

    /** True for {@link #INT8} and {@link #INT4}. */
    public boolean isInteger() {
        return exponentBits == 0;
    }

    /**
     * True when tensors must carry scales to be stored in this format without losing most of
     * their values to underflow or clipping (fp8 and integer formats); 16- and 32-bit floats
     * hold activations and weights directly.
     */
    public boolean needsScale() {
        return bits <= 8;
    }

    /** Largest finite value (integers: {@code qmax}, the largest code used). */
    public double maxValue() {
        return maxValue;
    }

    /** Smallest positive subnormal; for integers, 1 (one step at scale 1). */
    public double minSubnormal() {
        return isInteger() ? 1.0 : Math.scalb(1.0, minExponent - mantissaBits);
    }

    /** Smallest positive normal value; for integers, 1. */
    public double minNormal() {
        return isInteger() ? 1.0 : Math.scalb(1.0, minExponent);
    }

    /**
     * The error one rounding into this format makes relative to the magnitude of the data.
     * Floats: the unit roundoff {@code 2^-(mantissaBits+1)} (bf16: 2^-8, fp16: 2^-11).
     * Integers with amax scaling: half a step relative to a group's amax of about 3 sigma
     * (the expected amax of 128 Gaussian values), i.e. {@code 1.5 / qmax}.
     */
    public double nominalRelativeError() {
        return isInteger() ? 1.5 / maxValue : Math.scalb(1.0, -(mantissaBits + 1));
    }

    /** Round-to-nearest-even of {@code x} into this format at scale 1. */
    public double quantize(double x) {
        if (isInteger()) {
            return Math.max(-maxValue, Math.min(maxValue, Math.rint(x)));
        }
        if (this == FP32) {
            return (float) x; // Java's narrowing is IEEE round-to-nearest-even with subnormals
        }
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (Double.isInfinite(x)) {
            return overflow == Overflow.TO_INFINITY ? x : Math.copySign(maxValue, x);
        }
        double a = Math.abs(x);
        int exponent = Math.max(Math.getExponent(a), minExponent);
        double quantum = Math.scalb(1.0, exponent - mantissaBits);
        double q = Math.rint(a / quantum) * quantum; // a/quantum is exact: power-of-two division
        if (q > maxValue) {
            // RNE carries past max only when a >= max + half ulp: exactly the overflow case
            q = overflow == Overflow.TO_INFINITY ? Double.POSITIVE_INFINITY : maxValue;
        }
        if (q == 0.0 && !negativeZero) {
            return 0.0;
        }
        return Math.copySign(q, x);
    }

    /** {@code quantize(x / scale) * scale}: the value a scaled tensor element dequantizes to. */
    public double quantize(double x, double scale) {
        return scale == 1.0 ? quantize(x) : quantize(x / scale) * scale;
    }

    /**
     * Bit pattern of {@code quantize(x)} (float formats only), in the low {@link #bits()} bits.
     * NaN maps to the format's canonical NaN.
     */
    public int toBits(double x) {
        requireFloat();
        double q = quantize(x);
        int signBit = 1 << (bits - 1);
        int expMask = (1 << exponentBits) - 1;
        if (Double.isNaN(q)) {
            return switch (this) {
                case FP8_E4M3 -> 0x7F;
                case FP8_E4M3FNUZ -> 0x80;
                default -> (expMask << mantissaBits) | (1 << (mantissaBits - 1));
            };
        }
        int sign = (Math.copySign(1.0, q) < 0) ? signBit : 0;
        double a = Math.abs(q);
        if (Double.isInfinite(a)) {
            return sign | (expMask << mantissaBits);
        }
        if (a == 0.0) {
            return sign;
        }
        int e = Math.getExponent(a);
        if (e < minExponent) {
            return sign | (int) Math.scalb(a, mantissaBits - minExponent);
        }
        int mantissa = (int) (Math.scalb(a, mantissaBits - e) - (1 << mantissaBits));
        return sign | ((e + bias) << mantissaBits) | mantissa;
    }

    /** The value of a bit pattern of this (float) format; inverse of {@link #toBits(double)}. */
    public double fromBits(int pattern) {
        requireFloat();
        int signBit = 1 << (bits - 1);
        int expMask = (1 << exponentBits) - 1;
        int mantMask = (1 << mantissaBits) - 1;
        int field = (pattern >>> mantissaBits) & expMask;
        int mantissa = pattern & mantMask;
        boolean negative = (pattern & signBit) != 0;
        if (this == FP8_E4M3FNUZ && (pattern & 0xFF) == 0x80) {
            return Double.NaN;
        }
        if (field == expMask && overflow == Overflow.TO_INFINITY) {
            return mantissa == 0 ? (negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY) : Double.NaN;
        }
        if (this == FP8_E4M3 && field == expMask && mantissa == mantMask) {
            return Double.NaN;
        }
        double magnitude = field == 0
                ? Math.scalb((double) mantissa, minExponent - mantissaBits)
                : Math.scalb((double) (mantissa | (1 << mantissaBits)), field - bias - mantissaBits);
        return negative ? -magnitude : magnitude;
    }

    private void requireFloat() {
        if (isInteger()) {
            throw new UnsupportedOperationException(id + " is an integer format: its codes only mean something with a scale");
        }
    }

    /**
     * Parses a format name as written in configs: the {@link #id()} or common aliases
     * ({@code float16}, {@code half}, {@code bfloat16}, {@code float32}, {@code fp8} = e4m3,
     * {@code e4m3fn}, {@code e4m3fnuz}, {@code e5m2}).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static NumericFormat parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        return switch (n) {
            case "fp32", "float32", "float", "f32" -> FP32;
            case "bf16", "bfloat16" -> BF16;
            case "fp16", "float16", "half", "f16" -> FP16;
            case "fp8", "fp8_e4m3", "e4m3", "fp8_e4m3fn", "e4m3fn", "float8_e4m3fn" -> FP8_E4M3;
            case "fp8_e4m3fnuz", "e4m3fnuz", "float8_e4m3fnuz" -> FP8_E4M3FNUZ;
            case "fp8_e5m2", "e5m2", "float8_e5m2" -> FP8_E5M2;
            case "int8", "i8" -> INT8;
            case "int4", "i4" -> INT4;
            default -> throw new IllegalArgumentException("Unknown numeric format '" + name
                    + "': use one of fp32, bf16, fp16, fp8_e4m3, fp8_e4m3fnuz, fp8_e5m2, int8, int4");
        };
    }
}
