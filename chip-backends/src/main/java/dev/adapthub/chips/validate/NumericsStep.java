package dev.adapthub.chips.validate;

import dev.adapthub.chips.model.ModelArchitecture;
import dev.adapthub.chips.model.Quantization;
import dev.adapthub.chips.numerics.LayerShape;
import dev.adapthub.chips.numerics.NumericFormat;
import dev.adapthub.chips.numerics.NumericsCheck;
import dev.adapthub.chips.numerics.NumericsReport;
import dev.adapthub.chips.numerics.PrecisionPlan;
import dev.adapthub.chips.numerics.Verdict;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;

/**
 * The optional numerics step: one emulated decoder layer of the model in the config's precision
 * against fp64 ({@link NumericsCheck}). The seed comes from the config, so a report is reproducible.
 */
final class NumericsStep {

    /**
     * config.json's rms_norm_eps and rope_theta are not part of the architecture record; the check
     * runs on a scaled-down layer where they barely move the error, so the common values are used
     * (Llama-2 rms_norm_eps 1e-5, rope_theta 10000).
     */
    static final double NORM_EPS = 1e-5;
    static final double ROPE_THETA = 10_000;
    /** GPTQ/AWQ checkpoints without a stated group size use 128, the AutoGPTQ/AutoAWQ default. */
    static final int DEFAULT_GROUP = 128;
    /** GGUF k-quants and Q4_0/Q8_0 scale blocks of 32 weights (ggml block layout). */
    static final int GGUF_BLOCK = 32;

    private NumericsStep() {
    }

    /** The check's report, or null when the layer shape is outside what the emulation models (e.g. odd head_dim). */
    static NumericsReport run(ResolvedConfig r) {
        LayerShape shape;
        try {
            shape = shape(r.model());
        } catch (IllegalArgumentException e) {
            return null;
        }
        return NumericsCheck.run(shape, plan(r), seed(r));
    }

    /** A WARNING finding when the check is not PASS. */
    static void addFinding(NumericsReport report, List<Finding> out) {
        if (report.verdict() == Verdict.PASS) {
            return;
        }
        out.add(Finding.of(FindingCodes.NUMERICS_DEGRADED, Severity.WARNING, "precision",
                String.format(Locale.ROOT, "numerics check %s for %s: %s", report.verdict(), report.plan().label(),
                        report.warnings().isEmpty() ? "errors past the data type's thresholds"
                                : String.join("; ", report.warnings())),
                "compare the per-tensor errors in the report's numerics; try a wider type or a smaller group size"));
    }

    static LayerShape shape(ModelArchitecture m) {
        LayerShape s = new LayerShape(m.hiddenSize(), m.numAttentionHeads(), m.numKvHeads(),
                m.headDim(), m.intermediateSize(), 0, 0, NORM_EPS, ROPE_THETA,
                0, null);
        if (m.moe() != null) {
            s = s.withMoe(m.moe().numExperts(), m.moe().expertsPerToken(), m.moe().expertIntermediate());
        }
        if (m.slidingWindow() != null) {
            s = s.withSlidingWindow(m.slidingWindow().window());
        }
        if (m.mla() != null) {
            s = s.withMla(new LayerShape.Mla(m.mla().kvLoraRank(), m.mla().qkRopeHeadDim(), m.mla().qkNopeHeadDim(),
                    m.mla().vHeadDim()));
        }
        return s;
    }

    static PrecisionPlan plan(ResolvedConfig r) {
        NumericFormat act = format(r.activationType());
        NumericFormat kv = format(r.kvCacheType());
        Quantization q = r.model().quantization();
        int group = q != null && q.groupSize() > 0 ? q.groupSize() : DEFAULT_GROUP;
        NumericFormat sixteen = act.needsScale() ? NumericFormat.BF16 : act;
        return switch (r.quantization()) {
            case "gptq", "awq", "w4a16" -> new PrecisionPlan(NumericFormat.INT4, sixteen, kv, group);
            case "w8a16" -> new PrecisionPlan(NumericFormat.INT8, sixteen, kv, PrecisionPlan.PER_CHANNEL);
            case "w8a8" -> new PrecisionPlan(NumericFormat.INT8, NumericFormat.INT8, kv, PrecisionPlan.PER_CHANNEL);
            case "fp8" -> new PrecisionPlan(NumericFormat.FP8_E4M3, act, kv, PrecisionPlan.PER_CHANNEL);
            // q5/q6 k-quants have no 5/6-bit emulation: int8 blocks of 32 under-state their error
            case "q4_0", "q4_k_m" -> new PrecisionPlan(NumericFormat.INT4, sixteen, kv, GGUF_BLOCK);
            case "q5_k_m", "q6_k", "q8_0" -> new PrecisionPlan(NumericFormat.INT8, sixteen, kv, GGUF_BLOCK);
            default -> new PrecisionPlan(format(r.weightType()), act, kv, PrecisionPlan.PER_CHANNEL);
        };
    }

    /** The hub type as an emulated format; unknown names run as bf16 (what the engine would fall back to). */
    private static NumericFormat format(String type) {
        try {
            return NumericFormat.parse(type);
        } catch (IllegalArgumentException e) {
            return NumericFormat.BF16;
        }
    }

    /** First 8 bytes of SHA-256 over the resolved config's text: same config, same seed, on any JVM. */
    static long seed(ResolvedConfig r) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest((r.config().toString() + '|' + r.model().describe()).getBytes(StandardCharsets.UTF_8));
            long seed = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                seed = (seed << 8) | (d[i] & 0xff);
            }
            return seed;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
