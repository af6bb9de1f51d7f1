package dev.adapthub.chips.numerics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Error limits for a plan, in multiples of the nominal relative error {@code unit} of its
 * coarsest format ({@link NumericFormat#nominalRelativeError()}: bf16 2^-8, fp16 2^-11, e4m3
 * 2^-4, e5m2 2^-3, int8 ~1.5/127, int4 ~1.5/7), with an absolute cap.
 *
 * <p>Where the numbers come from: each op rounds its output once (relative error up to one
 * unit), and a layer chains about a dozen roundings that add up like a random walk, partly
 * damped by norms and softmax. Measured on Llama-, Qwen-, Falcon-, Mixtral- and
 * DeepSeek-shaped layers over many seeds (see {@code NumericsBench}), a correct emulation
 * lands at 0.2-3 units of mean per-token error and below 5 units at the worst token. PASS
 * allows that ({@value #PASS_MEAN_UNITS} and {@value #PASS_MAX_UNITS} units); WARN allows
 * {@value #WARN_FACTOR}x more; beyond that something is wrong beyond ordinary rounding
 * (overflow, scales that do not fit the data, saturation).
 *
 * <p>Two corrections: fp32 keeps a floor of {@link #FP32_FLOOR} = 2^-20, because even exact
 * fp32 arithmetic sums hundreds of terms per output (error grows like sqrt(n) * 2^-24, about
 * 16 * 2^-24 at n = 256); and no format passes above {@link #PASS_MEAN_CAP} mean /
 * {@link #PASS_MAX_CAP} worst-token error (cosine similarity below about 0.97), where a layer's
 * output has turned in a different direction whatever the format's excuse. int4 with
 * round-to-nearest group scales sits at about 0.2 (cosine ~0.98): accepted, close to the cap.
 */
public record Thresholds(NumericFormat dominant, double unit, double passMeanRel, double warnMeanRel,
                         double passMaxRel, double warnMaxRel) {

    static final double PASS_MEAN_UNITS = 3;
    static final double PASS_MAX_UNITS = 8;
    static final double WARN_FACTOR = 4;
    static final double FP32_FLOOR = 0x1p-20;
    static final double PASS_MEAN_CAP = 0.25;
    static final double PASS_MAX_CAP = 0.5;

    /** Limits for the coarsest format the plan stores anything in. */
    public static Thresholds forPlan(PrecisionPlan plan) {
        NumericFormat worst = plan.carrier();
        for (NumericFormat f : new NumericFormat[] {plan.weights(), plan.activations(), plan.kvCache()}) {
            if (f.nominalRelativeError() > worst.nominalRelativeError()) {
                worst = f;
            }
        }
        double u = Math.max(worst.nominalRelativeError(), FP32_FLOOR);
        double passMean = Math.min(PASS_MEAN_UNITS * u, PASS_MEAN_CAP);
        double passMax = Math.min(PASS_MAX_UNITS * u, PASS_MAX_CAP);
        return new Thresholds(worst, u, passMean, WARN_FACTOR * passMean, passMax, WARN_FACTOR * passMax);
    }

    Verdict judge(double meanRel, double maxRel) {
        if (!Double.isFinite(meanRel) || !Double.isFinite(maxRel)) {
            return Verdict.FAIL;
        }
        if (meanRel <= passMeanRel && maxRel <= passMaxRel) {
            return Verdict.PASS;
        }
        return meanRel <= warnMeanRel && maxRel <= warnMaxRel ? Verdict.WARN : Verdict.FAIL;
    }

    Map<String, Object> toJsonMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dominantFormat", dominant.id());
        m.put("unit", unit);
        m.put("passMeanRelError", passMeanRel);
        m.put("warnMeanRelError", warnMeanRel);
        m.put("passMaxRelError", passMaxRel);
        m.put("warnMaxRelError", warnMaxRel);
        return m;
    }
}
