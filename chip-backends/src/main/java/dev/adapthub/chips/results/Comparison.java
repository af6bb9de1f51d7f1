package dev.adapthub.chips.results;

import java.util.ArrayList;
import java.util.List;

/**
 * Measured against predicted, metric by metric. The error is signed and relative to the
 * measurement: {@code (predicted - measured) / measured}, so +25% means the estimate was a
 * quarter too high (too optimistic for speeds, too pessimistic for times).
 */
public final class Comparison {

    /** The metrics compared, in the order pages show them. */
    public enum Metric {
        OUTPUT_TOKENS_PER_SECOND("outputTokensPerSecond", "output tokens/s", "tok/s"),
        DECODE_TOKENS_PER_SECOND("decodeTokensPerSecond", "decode tokens/s per request", "tok/s"),
        TTFT_MS("ttftMs", "TTFT", "ms"),
        TPOT_MS("tpotMs", "TPOT", "ms"),
        PREFILL_TOKENS_PER_SECOND("prefillTokensPerSecond", "prefill tokens/s", "tok/s");

        private final String key;
        private final String label;
        private final String unit;

        Metric(String key, String label, String unit) {
            this.key = key;
            this.label = label;
            this.unit = unit;
        }

        /** Stable key, used in stored JSON and message keys. */
        public String key() {
            return key;
        }

        public String label() {
            return label;
        }

        public String unit() {
            return unit;
        }

        public static Metric ofKey(String key) {
            for (Metric m : values()) {
                if (m.key.equals(key)) {
                    return m;
                }
            }
            return null;
        }
    }

    /**
     * One metric of one run.
     *
     * @param predicted null when the estimate gives no such figure
     * @param error     signed relative error (0.25 = +25%), null without a prediction
     */
    public record Row(Metric metric, Double predicted, double measured, Double error) {
    }

    private Comparison() {
    }

    /** Rows for every metric the run measured. */
    public static List<Row> of(MeasuredRun.Metrics m, Predicted p) {
        List<Row> rows = new ArrayList<>();
        add(rows, Metric.OUTPUT_TOKENS_PER_SECOND, m.outputTokensPerSecond(), p == null ? null : p.outputTokensPerSecond());
        add(rows, Metric.DECODE_TOKENS_PER_SECOND, m.decodeTokensPerSecond(), p == null ? null : p.decodeTokensPerSecond());
        add(rows, Metric.TTFT_MS, m.ttftMs(), p == null ? null : p.ttftMs());
        add(rows, Metric.TPOT_MS, m.tpotMs(), p == null ? null : p.tpotMs());
        add(rows, Metric.PREFILL_TOKENS_PER_SECOND, m.prefillTokensPerSecond(),
                p == null ? null : p.prefillTokensPerSecond());
        return rows;
    }

    private static void add(List<Row> rows, Metric metric, Double measured, Double predicted) {
        if (measured == null) {
            return;
        }
        rows.add(new Row(metric, predicted, measured, predicted == null ? null : (predicted - measured) / measured));
    }

    /** The median of some values (the mean of the middle two for an even count); NaN for none. */
    public static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
