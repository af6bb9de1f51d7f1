package dev.adapthub.chips.results;

import dev.adapthub.chips.spi.PerformanceEstimate;

/**
 * The estimate's figures, named as the run's are. Null: the estimate gives none.
 *
 * @param decodeTokensPerSecond  one sequence's decode speed, 1000 / ms per decode step
 * @param prefillTokensPerSecond prompt tokens of one request per second of its prefill
 */
public record Predicted(Double outputTokensPerSecond, Double ttftMs, Double tpotMs, Double decodeTokensPerSecond,
        Double prefillTokensPerSecond) {

    /** From an estimate made for prompts of {@code inputTokens}; null inputs give nulls. */
    public static Predicted of(PerformanceEstimate p, Integer inputTokens) {
        return of(p.outputTokensPerSecond(), p.ttftMs(), p.decodeMsPerToken(), p.prefillMs(), inputTokens);
    }

    /** From the figures of a report's {@code performance} section. */
    public static Predicted of(double outputTokensPerSecond, double ttftMs, double decodeMsPerToken, double prefillMs,
            Integer inputTokens) {
        return new Predicted(positive(outputTokensPerSecond), positive(ttftMs), positive(decodeMsPerToken),
                decodeMsPerToken > 0 ? 1000.0 / decodeMsPerToken : null,
                prefillMs > 0 && inputTokens != null ? inputTokens * 1000.0 / prefillMs : null);
    }

    private static Double positive(double d) {
        return Double.isFinite(d) && d > 0 ? d : null;
    }
}
