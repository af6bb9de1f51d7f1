package dev.adapthub.chips.calibration;

import dev.adapthub.chips.catalog.ChipFamily;

/**
 * How far the simulator's predictions were from public measurements on one chip family, as
 * stored in the generated {@code calibration/summary.json}. Errors are fractions (0.05 = 5%) of
 * the measured value; a null error means the calibration set has no case of that metric on the
 * family, which the page should say rather than hide.
 *
 * @param family          chip family
 * @param cases           counted calibration cases on the family
 * @param kvTokensMedian  median |error| of the KV-cache size in tokens
 * @param kvTokensP90     90th percentile |error| of the KV-cache size
 * @param decodeMedian    median |error| of decode time per output token
 * @param decodeP90       90th percentile |error| of decode time per output token
 * @param ttftMedian      median |error| of the time to first token
 * @param ttftP90         90th percentile |error| of the time to first token
 * @param verdictsRight   fits / does-not-fit verdicts predicted right
 * @param verdictsStated  verdicts the cases state
 */
public record ExpectedError(ChipFamily family, int cases, Double kvTokensMedian, Double kvTokensP90,
                            Double decodeMedian, Double decodeP90, Double ttftMedian, Double ttftP90,
                            int verdictsRight, int verdictsStated) {
}
