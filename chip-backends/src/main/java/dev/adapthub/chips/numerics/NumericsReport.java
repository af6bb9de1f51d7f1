package dev.adapthub.chips.numerics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Result of one numerics check: per-tensor errors of the emulated low-precision run against
 * the fp64 reference ({@code attn_out}, {@code mlp_out}, {@code layer_out}, {@code kv_cache}),
 * the thresholds they were judged by, and the overall verdict (the worst tensor's, at least
 * WARN when fp16 overflows).
 *
 * @param referenceMaxAbs   largest activation magnitude in the fp64 reference
 * @param fp16Overflow      the plan stores something in fp16 and the reference exceeds 65504 or
 *                          the emulated run produced inf/NaN
 * @param routingAgreement  fraction of tokens routed to the same top-k experts as in the
 *                          reference; NaN for dense layers
 * @param scaledDims        the widths the layer actually ran at (for the reader of the report)
 */
public record NumericsReport(LayerShape shape, PrecisionPlan plan, long seed, CheckOptions options,
                             Verdict verdict, List<TensorError> tensors, Thresholds thresholds,
                             double referenceMaxAbs, boolean fp16Overflow, double routingAgreement,
                             List<String> warnings, Map<String, Integer> scaledDims) {

    public NumericsReport {
        tensors = List.copyOf(tensors);
        warnings = List.copyOf(warnings);
        scaledDims = Map.copyOf(scaledDims);
    }

    /** The named tensor's errors. */
    public TensorError tensor(String name) {
        return tensors.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no tensor '" + name + "' in report; have "
                        + tensors.stream().map(TensorError::name).toList()));
    }

    /** Plain, ordered map of strings, numbers, booleans, lists and maps, for any JSON writer. */
    public Map<String, Object> toJsonMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("plan", plan.label());
        m.put("weights", plan.weights().id());
        m.put("activations", plan.activations().id());
        m.put("kvCache", plan.kvCache().id());
        m.put("groupSize", plan.groupSize());
        m.put("seed", seed);
        m.put("sequenceLength", options.sequenceLength());
        m.put("activationScale", options.activationScale());
        m.put("verdict", verdict.name());
        List<Object> list = new ArrayList<>();
        tensors.forEach(t -> list.add(t.toJsonMap()));
        m.put("tensors", list);
        m.put("thresholds", thresholds.toJsonMap());
        m.put("referenceMaxAbs", finiteOrNull(referenceMaxAbs));
        m.put("fp16Overflow", fp16Overflow);
        m.put("routingAgreement", finiteOrNull(routingAgreement));
        m.put("warnings", warnings);
        m.put("scaledDims", new java.util.TreeMap<>(scaledDims));
        return m;
    }

    static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
