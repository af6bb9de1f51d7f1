package dev.adapthub.chips.calibration;

import dev.adapthub.chips.catalog.ChipFamily;
import java.util.Map;
import java.util.Optional;

/**
 * The prediction for one calibration case next to its measurement.
 *
 * @param c          the case
 * @param family     the chip's family
 * @param predicted  metric → predicted value (a metric the model gave no estimate for is absent)
 * @param fits       predicted verdict
 * @param problem    why the case could not be predicted at all (null when it was)
 */
public record CaseResult(CalibrationCase c, ChipFamily family, Map<Metric, Double> predicted, Boolean fits,
                         String problem) {

    /** The signed relative error of a metric the case measures; a missing estimate counts as −100%. */
    public Optional<Double> error(Metric m) {
        Double measured = c.measured().get(m);
        if (measured == null) {
            return Optional.empty();
        }
        Double p = predicted.get(m);
        return Optional.of(p == null ? -1.0 : (p - measured) / measured);
    }

    /** Whether the predicted verdict matches a measured one; empty when the case states none. */
    public Optional<Boolean> verdictRight() {
        if (c.fits() == null) {
            return Optional.empty();
        }
        return Optional.of(c.fits().equals(fits));
    }
}
