package dev.adapthub.chips.numerics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Does it still compute the same thing?": runs one scaled-down decoder layer of the given
 * shape twice from the same seeded weights and input, once in fp64 and once emulating the
 * plan's formats (weights quantized per the plan, every activation stored in the activation
 * dtype after its op, K/V quantized on cache write, fp32 accumulation), and compares.
 *
 * <p>Deterministic: the same shape, plan, seed and options give an equal report on any JVM
 * (seeded {@link java.util.SplittableRandom}, {@link StrictMath} for transcendental functions,
 * fixed summation order). Stateless and thread-safe.
 */
public final class NumericsCheck {

    /** fp16's largest finite value. */
    static final double FP16_MAX = 65504;
    /**
     * Below this share of tokens keeping their reference experts the verdict is at least WARN.
     * Near-ties between the k-th and (k+1)-th expert flip under any rounding, so some re-routing
     * is normal (bf16: a few percent); a quarter of the tokens re-routed changes the model's
     * output visibly.
     */
    static final double MIN_ROUTING_AGREEMENT = 0.75;

    private NumericsCheck() {
    }

    /** {@link #run(LayerShape, PrecisionPlan, long, CheckOptions)} with {@link CheckOptions#DEFAULT}. */
    public static NumericsReport run(LayerShape shape, PrecisionPlan plan, long seed) {
        return run(shape, plan, seed, CheckOptions.DEFAULT);
    }

    public static NumericsReport run(LayerShape shape, PrecisionPlan plan, long seed, CheckOptions options) {
        ScaledDims d = ScaledDims.of(shape, options);
        SeededNormal rnd = new SeededNormal(seed);
        LayerWeights weights = LayerWeights.generate(d, rnd);
        double[] input = rnd.fill(d.seq() * d.hidden(), 0.0, options.activationScale());

        Arithmetic.Reference reference = new Arithmetic.Reference();
        DecoderLayer.Trace ref = new DecoderLayer(d, reference).forward(input, weights);

        NumericFormat carrier = plan.carrier();
        LayerWeights stored = weights.map(
                m -> Quantizer.weights(m, plan.weights(), plan.groupSize()),
                m -> Quantizer.weights(m, carrier, PrecisionPlan.PER_CHANNEL),
                g -> {
                    double[] copy = g.clone();
                    Quantizer.elementwise(copy, carrier);
                    return copy;
                });
        DecoderLayer.Trace low = new DecoderLayer(d, new Arithmetic.Emulated(plan)).forward(input, stored);

        Thresholds thresholds = Thresholds.forPlan(plan);
        int seq = d.seq();
        boolean[] sameRoute = ref.routes() == null ? null : sameRoutes(ref.routes(), low.routes());
        List<TensorError> tensors = List.of(
                TensorError.compare("attn_out", ref.attnOut(), low.attnOut(), seq, thresholds),
                TensorError.compare("mlp_out", ref.mlpOut(), low.mlpOut(), seq, sameRoute, thresholds),
                TensorError.compare("layer_out", ref.layerOut(), low.layerOut(), seq, sameRoute, thresholds),
                TensorError.compare("kv_cache", ref.kvCache(), low.kvCache(), seq, thresholds));

        List<String> warnings = new ArrayList<>();
        boolean nonFinite = tensors.stream().anyMatch(t -> !Double.isFinite(t.meanRelError()));
        boolean fp16Overflow = plan.usesFp16() && (reference.maxAbs() > FP16_MAX || nonFinite);
        if (fp16Overflow) {
            warnings.add(String.format(java.util.Locale.ROOT,
                    "fp16 overflow: activations reach %.4g in the fp64 reference, fp16 holds at most 65504%s;"
                            + " run in bf16, or scale activations down", reference.maxAbs(),
                    nonFinite ? " and the fp16 run produced inf/NaN" : ""));
        } else if (nonFinite) {
            warnings.add("the low-precision run produced inf/NaN: the plan's formats cannot hold this layer's values");
        }
        double agreement = Double.NaN;
        Verdict verdict = fp16Overflow ? Verdict.WARN : Verdict.PASS;
        if (sameRoute != null) {
            int same = 0;
            for (boolean b : sameRoute) {
                same += b ? 1 : 0;
            }
            agreement = (double) same / seq;
            if (agreement < MIN_ROUTING_AGREEMENT) {
                verdict = Verdict.WARN;
                warnings.add(String.format(java.util.Locale.ROOT,
                        "MoE routing: %.0f%% of tokens chose a different expert set than the fp64 reference"
                                + " (more than %.0f%%): expect visibly different outputs; keep the router's input"
                                + " in higher precision", 100 * (1 - agreement), 100 * (1 - MIN_ROUTING_AGREEMENT)));
            }
        }
        for (TensorError t : tensors) {
            verdict = verdict.and(t.verdict());
        }
        return new NumericsReport(shape, plan, seed, options, verdict, tensors, thresholds, reference.maxAbs(),
                fp16Overflow, agreement, warnings, describe(d));
    }

    private static boolean[] sameRoutes(int[][] ref, int[][] low) {
        boolean[] same = new boolean[ref.length];
        for (int t = 0; t < ref.length; t++) {
            int[] a = ref[t].clone();
            int[] b = low[t].clone();
            Arrays.sort(a);
            Arrays.sort(b);
            same[t] = Arrays.equals(a, b);
        }
        return same;
    }

    private static Map<String, Integer> describe(ScaledDims d) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("sequenceLength", d.seq());
        m.put("hiddenSize", d.hidden());
        m.put("numHeads", d.heads());
        m.put("numKvHeads", d.kvHeads());
        m.put("intermediateSize", d.intermediate());
        m.put("numExperts", d.experts());
        m.put("expertsPerToken", d.topK());
        if (d.isMla()) {
            m.put("kvLoraRank", d.kvLoraRank());
            m.put("qkRopeHeadDim", d.ropeDim());
            m.put("qkNopeHeadDim", d.nopeDim());
            m.put("vHeadDim", d.vDim());
        } else {
            m.put("headDim", d.headDim());
        }
        return m;
    }
}
