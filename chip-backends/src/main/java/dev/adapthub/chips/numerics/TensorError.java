package dev.adapthub.chips.numerics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far one tensor of the low-precision run is from the fp64 reference.
 *
 * <p>Relative error is measured per token (row), {@code ||low - ref|| / ||ref||} in the L2
 * norm, because element-wise ratios explode near zero; {@code maxRelError} and
 * {@code meanRelError} are the worst and the mean over tokens. {@code cosineSimilarity} is over
 * the whole tensor. A run that produced inf or NaN has infinite errors and a NaN cosine.
 * Tensors downstream of MoE routing leave out tokens the low-precision run sent to other
 * experts (a re-routed token differs by design, not by rounding; the report counts them in
 * {@link NumericsReport#routingAgreement()}).
 */
public record TensorError(String name, double maxRelError, double meanRelError, double cosineSimilarity,
                          Verdict verdict) {

    static TensorError compare(String name, double[] ref, double[] low, int rows, Thresholds thresholds) {
        return compare(name, ref, low, rows, null, thresholds);
    }

    /** As above, over the rows where {@code include} is true (all rows when it is null). */
    static TensorError compare(String name, double[] ref, double[] low, int rows, boolean[] include,
                               Thresholds thresholds) {
        int cols = ref.length / rows;
        int counted = 0;
        double max = 0;
        double sum = 0;
        double dot = 0;
        double refSq = 0;
        double lowSq = 0;
        boolean finite = true;
        for (int r = 0; r < rows; r++) {
            if (include != null && !include[r]) {
                continue;
            }
            counted++;
            double err = 0;
            double norm = 0;
            for (int c = 0; c < cols; c++) {
                double a = ref[r * cols + c];
                double b = low[r * cols + c];
                finite &= Double.isFinite(b);
                err += (b - a) * (b - a);
                norm += a * a;
                dot += a * b;
                lowSq += b * b;
            }
            refSq += norm;
            double rel = norm == 0 ? (err == 0 ? 0 : Double.POSITIVE_INFINITY) : Math.sqrt(err / norm);
            max = Math.max(max, rel);
            sum += rel;
        }
        if (!finite) {
            return new TensorError(name, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN, Verdict.FAIL);
        }
        double mean = counted == 0 ? 0 : sum / counted;
        double cosine = refSq == 0 || lowSq == 0 ? (refSq == lowSq ? 1 : 0) : dot / Math.sqrt(refSq * lowSq);
        return new TensorError(name, max, mean, cosine, thresholds.judge(mean, max));
    }

    /** Plain map view for JSON; non-finite numbers become null (JSON has no inf/NaN). */
    public Map<String, Object> toJsonMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("maxRelError", NumericsReport.finiteOrNull(maxRelError));
        m.put("meanRelError", NumericsReport.finiteOrNull(meanRelError));
        m.put("cosineSimilarity", NumericsReport.finiteOrNull(cosineSimilarity));
        m.put("verdict", verdict.name());
        return m;
    }
}
