package dev.adapthub.chips.numerics;

/**
 * Stores tensors in a {@link NumericFormat}: element-wise rounding for formats that hold values
 * directly, symmetric amax scaling per group for those that {@linkplain NumericFormat#needsScale()
 * need scales}. A group's scale is {@code amax / format.maxValue()} kept in fp32 (as kernels
 * store it); an all-zero group stays zero.
 */
final class Quantizer {

    private Quantizer() {
    }

    /** A weight matrix with groups of {@code groupSize} inputs per output row (-1: whole row). */
    static Matrix weights(Matrix m, NumericFormat format, int groupSize) {
        double[] copy = m.values().clone();
        rows(copy, m.rows(), m.cols(), groupSize == PrecisionPlan.PER_CHANNEL ? m.cols() : groupSize, format);
        return new Matrix(m.rows(), m.cols(), copy);
    }

    /**
     * Quantizes {@code t} (rows x cols) in place; scaled formats use one scale per {@code group}
     * consecutive elements of a row (the last group of a row may be shorter).
     */
    static void rows(double[] t, int rows, int cols, int group, NumericFormat format) {
        if (!format.needsScale()) {
            elementwise(t, format);
            return;
        }
        for (int r = 0; r < rows; r++) {
            for (int start = 0; start < cols; start += group) {
                int from = r * cols + start;
                int to = from + Math.min(group, cols - start);
                double amax = 0;
                for (int i = from; i < to; i++) {
                    amax = Math.max(amax, Math.abs(t[i]));
                }
                if (amax == 0 || Double.isNaN(amax)) {
                    continue;
                }
                double scale = (float) (amax / format.maxValue());
                if (scale == 0) {
                    continue; // values below fp32's range: leave them, they cannot matter
                }
                for (int i = from; i < to; i++) {
                    t[i] = format.quantize(t[i], scale);
                }
            }
        }
    }

    static void elementwise(double[] t, NumericFormat format) {
        for (int i = 0; i < t.length; i++) {
            t[i] = format.quantize(t[i]);
        }
    }
}
