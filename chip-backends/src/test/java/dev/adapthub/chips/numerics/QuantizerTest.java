package dev.adapthub.chips.numerics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuantizerTest {

    @Test
    void groupScalesKeepSmallGroupsPreciseNextToAnOutlierGroup() {
        // one row: 128 small values, then 128 values around 100 (an outlier channel block)
        double[] row = new double[256];
        SeededNormal rnd = new SeededNormal(3);
        for (int i = 0; i < 256; i++) {
            row[i] = (i < 128 ? 0.01 : 100) * rnd.next();
        }
        Matrix m = new Matrix(1, 256, row);
        Matrix grouped = Quantizer.weights(m, NumericFormat.INT4, 128);
        Matrix perChannel = Quantizer.weights(m, NumericFormat.INT4, PrecisionPlan.PER_CHANNEL);
        assertThat(errorOfSmallHalf(row, grouped)).isLessThan(0.2);
        // one scale for the whole row flushes every small value to zero
        assertThat(errorOfSmallHalf(row, perChannel)).isEqualTo(1.0);
    }

    @Test
    void groupAmaxMapsOntoTheLargestCode() {
        double[] t = {0.5, -2.0, 1.0, 0.25};
        Quantizer.rows(t, 1, 4, 4, NumericFormat.INT8);
        // -127 codes times the scale, which is kept in fp32 as kernels keep it
        assertThat(t[1]).isEqualTo(-127 * (double) (float) (2.0 / 127));
        assertThat(t[2]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(2.0 / 127));
        double[] f = {448 * 3, 1.0};
        Quantizer.rows(f, 1, 2, 2, NumericFormat.FP8_E4M3);
        assertThat(f[0]).isEqualTo(448 * 3); // scaled, so no saturation at 448
    }

    private static double errorOfSmallHalf(double[] ref, Matrix q) {
        double err = 0;
        double norm = 0;
        for (int i = 0; i < 128; i++) {
            err += Math.pow(q.values()[i] - ref[i], 2);
            norm += ref[i] * ref[i];
        }
        return Math.sqrt(err / norm);
    }
}
