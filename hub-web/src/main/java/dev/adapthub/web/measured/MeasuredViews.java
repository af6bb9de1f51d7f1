package dev.adapthub.web.measured;

import dev.adapthub.core.measured.Evaluation;
import dev.adapthub.core.measured.MeasuredResults;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Helpers the measured-results fragments call as {@code @measuredViews}: a check run's stored
 * results read back, and figures and errors formatted the same way on every page.
 */
@Component("measuredViews")
public class MeasuredViews {

    /** The results a check run stored; null when it has none. */
    public Evaluation evaluation(String json) {
        return MeasuredResults.evaluationFromJson(json);
    }

    /** A signed relative error as a percentage: {@code +12.5%}, {@code -8%}; a dash for none. */
    public String percent(Double error) {
        if (error == null || !Double.isFinite(error)) {
            return "—";
        }
        double p = error * 100;
        String digits = Math.abs(p) < 10 ? String.format(Locale.ROOT, "%.1f", p) : String.format(Locale.ROOT, "%.0f", p);
        return (p > 0 ? "+" : "") + digits + "%";
    }

    /** A figure with as many decimals as it needs to be read: 1234, 56.7, 3.45. */
    public String figure(Double value) {
        if (value == null || !Double.isFinite(value)) {
            return "—";
        }
        double a = Math.abs(value);
        String pattern = a >= 100 ? "%,.0f" : a >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, value);
    }
}
