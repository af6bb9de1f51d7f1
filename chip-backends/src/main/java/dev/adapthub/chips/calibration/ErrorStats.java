package dev.adapthub.chips.calibration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Summary of relative errors {@code (predicted − measured) / measured} of one metric over some
 * cases: the median and 90th percentile of their absolute values, and the median signed error
 * (the bias: positive means the model predicts too much).
 *
 * @param cases  how many errors
 * @param median median absolute relative error (0.05 = 5%)
 * @param p90    90th percentile of the absolute relative error (nearest rank)
 * @param bias   median signed relative error
 */
public record ErrorStats(int cases, double median, double p90, double bias) {

    /** Stats of signed relative errors; cases 0 and NaN figures for an empty list. */
    public static ErrorStats of(List<Double> signedErrors) {
        if (signedErrors.isEmpty()) {
            return new ErrorStats(0, Double.NaN, Double.NaN, Double.NaN);
        }
        List<Double> abs = new ArrayList<>(signedErrors.stream().map(Math::abs).toList());
        Collections.sort(abs);
        List<Double> signed = new ArrayList<>(signedErrors);
        Collections.sort(signed);
        return new ErrorStats(abs.size(), median(abs), abs.get(Math.max(0, (int) Math.ceil(0.9 * abs.size()) - 1)),
                median(signed));
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
