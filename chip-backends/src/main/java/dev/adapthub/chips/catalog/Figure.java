package dev.adapthub.chips.catalog;

import java.util.Set;

/**
 * One sourced figure of a chip profile: {@code {value, source, confidence}}.
 *
 * <p>Invariants: {@code value} is finite and not negative; {@code source} names an entry of the
 * profile's {@code sources} map; {@code confidence} is one of {@link #CONFIDENCES}.
 */
public record Figure(double value, String source, String confidence) {

    /** The confidence levels of catalog-format.md, most to least trustworthy (roughly). */
    public static final Set<String> CONFIDENCES = Set.of(
            "vendor-datasheet", "vendor-internal", "measured", "press", "aggregator", "derived", "estimate");

    public Figure {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException("figure value must be finite and >= 0, was " + value);
        }
    }
}
