package dev.adapthub.core.adaptation;

import java.util.Locale;

/**
 * The matrix's filters: chip family, vendor, engine, quantization (or weight type), minimum
 * output tokens/s. Blank is off; text is compared case-insensitively and whole.
 */
public record MatrixFilter(String family, String vendor, String engine, String quantization, double minTokensPerSecond) {

    static final int MAX_FILTER = 100;

    public MatrixFilter {
        family = clean(family);
        vendor = clean(vendor);
        engine = clean(engine);
        quantization = clean(quantization);
        minTokensPerSecond = Double.isFinite(minTokensPerSecond) ? Math.max(0, minTokensPerSecond) : 0;
    }

    public static final MatrixFilter NONE = new MatrixFilter(null, null, null, null, 0);

    /** Parses the minimum; junk means no minimum (a filter is a navigation aid, not data). */
    public static double parseMin(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String clean(String value) {
        if (value == null) {
            return "";
        }
        String s = value.strip().toLowerCase(Locale.ROOT);
        return s.length() > MAX_FILTER ? s.substring(0, MAX_FILTER) : s;
    }

    boolean accepts(MatrixEntry e) {
        return (family.isEmpty() || family.equals(lower(e.family())))
                && (vendor.isEmpty() || vendor.equals(lower(e.vendor())))
                && (engine.isEmpty() || engine.equals(lower(e.engine())))
                && (quantization.isEmpty() || quantization.equals(lower(e.quantization())))
                && (minTokensPerSecond <= 0
                    || (e.shownTokensPerSecond() != null && e.shownTokensPerSecond() >= minTokensPerSecond));
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
