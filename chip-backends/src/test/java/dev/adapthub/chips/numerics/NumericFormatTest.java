package dev.adapthub.chips.numerics;

import static dev.adapthub.chips.numerics.NumericFormat.BF16;
import static dev.adapthub.chips.numerics.NumericFormat.FP16;
import static dev.adapthub.chips.numerics.NumericFormat.FP32;
import static dev.adapthub.chips.numerics.NumericFormat.FP8_E4M3;
import static dev.adapthub.chips.numerics.NumericFormat.FP8_E4M3FNUZ;
import static dev.adapthub.chips.numerics.NumericFormat.FP8_E5M2;
import static dev.adapthub.chips.numerics.NumericFormat.INT4;
import static dev.adapthub.chips.numerics.NumericFormat.INT8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NumericFormatTest {

    @Test
    void oneThirdRoundsToTheKnownBf16AndFp16Patterns() {
        // fp32 1/3 is 0x3EAAAAAB; bf16 keeps the top half and rounds the dropped 0xAAAB up
        assertThat(BF16.toBits(1.0 / 3)).isEqualTo(0x3EAB);
        assertThat(BF16.quantize(1.0 / 3)).isEqualTo(0.333984375);
        assertThat(FP16.toBits(1.0 / 3)).isEqualTo(0x3555);
        assertThat(FP16.quantize(1.0 / 3)).isEqualTo(0.333251953125);
    }

    @Test
    void fp16MaxIs65504AndOverflowsToInfinityAtHalfAnUlpAbove() {
        assertThat(FP16.maxValue()).isEqualTo(65504);
        assertThat(FP16.toBits(65504)).isEqualTo(0x7BFF);
        assertThat(FP16.quantize(65519.99)).isEqualTo(65504);
        // 65520 is the tie between 65504 (odd mantissa) and 65536 (even, not finite): infinity
        assertThat(FP16.quantize(65520)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(FP16.quantize(-1e5)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(FP16.toBits(1e5)).isEqualTo(0x7C00);
    }

    @Test
    void fp16SubnormalsRoundToNearestEven() {
        assertThat(FP16.minSubnormal()).isEqualTo(0x1p-24);
        assertThat(FP16.toBits(0x1p-24)).isEqualTo(0x0001);
        assertThat(FP16.toBits(0x1p-14)).isEqualTo(0x0400);
        assertThat(FP16.quantize(0x1p-25)).isZero();              // tie with 0: even wins
        assertThat(FP16.quantize(0x1.0001p-25)).isEqualTo(0x1p-24);
        assertThat(FP16.quantize(3 * 0x1p-25)).isEqualTo(0x1p-23); // tie between 1 and 2 ulps: 2
        assertThat(FP16.quantize(1 + 0x1p-11)).isEqualTo(1.0);
        assertThat(FP16.quantize(1 + 3 * 0x1p-11)).isEqualTo(1 + 0x1p-9);
    }

    @Test
    void bf16RangeMatchesFp32ButWithEightBitsOfPrecision() {
        assertThat(BF16.maxValue()).isEqualTo(0x1.FEp127);
        assertThat(BF16.toBits(BF16.maxValue())).isEqualTo(0x7F7F);
        assertThat(BF16.minSubnormal()).isEqualTo(0x1p-133);
        assertThat(BF16.quantize(1e5)).isEqualTo(99840); // no overflow where fp16 has none left
        assertThat(BF16.nominalRelativeError()).isEqualTo(0x1p-8);
    }

    @Test
    void ocpE4m3HasMax448NoInfinityAndSaturates() {
        assertThat(FP8_E4M3.maxValue()).isEqualTo(448);
        assertThat(FP8_E4M3.toBits(448)).isEqualTo(0x7E);
        assertThat(FP8_E4M3.quantize(470)).isEqualTo(448);
        assertThat(FP8_E4M3.quantize(1e9)).isEqualTo(448);
        assertThat(FP8_E4M3.quantize(Double.NEGATIVE_INFINITY)).isEqualTo(-448);
        assertThat(FP8_E4M3.toBits(-1e9)).isEqualTo(0xFE);
        assertThat(FP8_E4M3.toBits(Double.NaN)).isEqualTo(0x7F);
        assertThat(FP8_E4M3.fromBits(0x7F)).isNaN();
        assertThat(FP8_E4M3.minSubnormal()).isEqualTo(0x1p-9);
        assertThat(FP8_E4M3.toBits(0x1p-9)).isEqualTo(0x01);
        assertThat(FP8_E4M3.toBits(0x1p-6)).isEqualTo(0x08);
        assertThat(FP8_E4M3.quantize(0x1p-10)).isZero(); // tie with 0 rounds to even
    }

    @Test
    void mi300E4m3fnuzHasMax240AndNoNegativeZero() {
        assertThat(FP8_E4M3FNUZ.maxValue()).isEqualTo(240);
        assertThat(FP8_E4M3FNUZ.toBits(240)).isEqualTo(0x7F);
        assertThat(FP8_E4M3FNUZ.quantize(300)).isEqualTo(240);
        assertThat(FP8_E4M3FNUZ.minSubnormal()).isEqualTo(0x1p-10);
        assertThat(FP8_E4M3FNUZ.toBits(-0.0)).isZero();
        assertThat(FP8_E4M3FNUZ.toBits(-1e-9)).isZero();
        assertThat(FP8_E4M3FNUZ.fromBits(0x80)).isNaN();
    }

    @Test
    void e5m2HasMax57344AndInfinity() {
        assertThat(FP8_E5M2.maxValue()).isEqualTo(57344);
        assertThat(FP8_E5M2.toBits(57344)).isEqualTo(0x7B);
        assertThat(FP8_E5M2.quantize(61439)).isEqualTo(57344);
        assertThat(FP8_E5M2.quantize(61440)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(FP8_E5M2.toBits(1e6)).isEqualTo(0x7C);
        assertThat(FP8_E5M2.minSubnormal()).isEqualTo(0x1p-16);
    }

    @ParameterizedTest
    @EnumSource(names = {"BF16", "FP16", "FP8_E4M3", "FP8_E4M3FNUZ", "FP8_E5M2"})
    void everyBitPatternDecodesToAValueThatQuantizesAndEncodesBackToItself(NumericFormat format) {
        for (int pattern = 0; pattern < (1 << format.bits()); pattern++) {
            double v = format.fromBits(pattern);
            if (Double.isNaN(v)) {
                continue;
            }
            assertThat(format.quantize(v)).as("%s pattern 0x%x", format, pattern).isEqualTo(v);
            assertThat(format.toBits(v)).as("%s pattern 0x%x", format, pattern).isEqualTo(pattern);
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"BF16", "FP16", "FP8_E4M3", "FP8_E4M3FNUZ", "FP8_E5M2"})
    void quantizeIsTheNearestRepresentableValue(NumericFormat format) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            double x = Math.scalb(random.nextDouble(-2, 2), random.nextInt(-20, 12));
            double q = format.quantize(x);
            if (Math.abs(x) >= format.maxValue()) {
                continue;
            }
            int bits = format.toBits(q);
            // neighbours one code up and down (same sign) are no closer
            for (int neighbour : new int[] {bits - 1, bits + 1}) {
                double n = format.fromBits(neighbour & ((1 << format.bits()) - 1));
                if (Double.isFinite(n) && Math.signum(n) * Math.signum(q) >= 0) {
                    assertThat(Math.abs(x - q)).as("%s x=%s q=%s n=%s", format, x, q, n).isLessThanOrEqualTo(Math.abs(x - n));
                }
            }
        }
    }

    @Test
    void fp32IsJavasFloatNarrowing() {
        assertThat(FP32.quantize(0.1)).isEqualTo((double) 0.1f);
        assertThat(FP32.quantize(1e-45)).isEqualTo(Float.MIN_VALUE);
        assertThat(FP32.quantize(1e39)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(FP32.toBits(1.0)).isEqualTo(Float.floatToIntBits(1f));
    }

    @Test
    void integersAreSymmetricAndClampToQmax() {
        assertThat(INT8.maxValue()).isEqualTo(127);
        assertThat(INT4.maxValue()).isEqualTo(7);
        assertThat(INT8.quantize(2.5)).isEqualTo(2);    // ties to even
        assertThat(INT8.quantize(-300)).isEqualTo(-127);
        assertThat(INT4.quantize(-8)).isEqualTo(-7);
        assertThat(INT4.quantize(0.26, 0.1)).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-12));
        assertThatThrownBy(() -> INT8.toBits(1)).hasMessageContaining("integer format");
    }

    @Test
    void parsesConfigSpellingsAndNamesTheChoicesOtherwise() {
        assertThat(NumericFormat.parse("bfloat16")).isEqualTo(BF16);
        assertThat(NumericFormat.parse("float16")).isEqualTo(FP16);
        assertThat(NumericFormat.parse("fp8")).isEqualTo(FP8_E4M3);
        assertThat(NumericFormat.parse("FP8-E4M3FNUZ")).isEqualTo(FP8_E4M3FNUZ);
        assertThatThrownBy(() -> NumericFormat.parse("fp6"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'fp6'").hasMessageContaining("bf16");
    }
}
