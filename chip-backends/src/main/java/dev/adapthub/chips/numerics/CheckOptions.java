package dev.adapthub.chips.numerics;

/**
 * Knobs of one numerics run.
 *
 * <p>Invariants: {@code 2 <= sequenceLength <= 128} (short, so a run stays well under 250 ms);
 * {@code activationScale} positive and finite.
 *
 * @param sequenceLength  tokens in the causal attention window of the run
 * @param activationScale multiplies the layer's input hidden states (the residual stream), as
 *                        in models with "massive activations"; large values provoke fp16 overflow
 */
public record CheckOptions(int sequenceLength, double activationScale) {

    /** 32 tokens at unit activation scale. */
    public static final CheckOptions DEFAULT = new CheckOptions(32, 1.0);

    public CheckOptions {
        if (sequenceLength < 2 || sequenceLength > 128) {
            throw new IllegalArgumentException("sequenceLength (" + sequenceLength + ") must be between 2 and 128");
        }
        if (!(activationScale > 0) || Double.isInfinite(activationScale)) {
            throw new IllegalArgumentException("activationScale (" + activationScale + ") must be positive and finite");
        }
    }

    /** These options with another activation scale. */
    public CheckOptions withActivationScale(double scale) {
        return new CheckOptions(sequenceLength, scale);
    }
}
