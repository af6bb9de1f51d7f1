package dev.adapthub.chips.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;

/**
 * Reads figures out of a run file: numbers (or numeric strings, as {@code --metadata k=v} writes
 * them) that must be finite, positive and below a sanity ceiling; anything else is a finding.
 */
final class Fields {

    /** Far above anything real hardware does; a figure beyond it is a typo or a unit mistake. */
    static final double MAX_TOKENS_PER_SECOND = 1e7;
    static final double MAX_MS = 1e7;
    static final double MAX_REQUESTS_PER_SECOND = 1e6;

    private final String file;
    private final List<ResultFinding> findings;

    Fields(String file, List<ResultFinding> findings) {
        this.file = file;
        this.findings = findings;
    }

    /** A positive figure at most {@code max}, or null when absent (JSON null counts as absent). */
    Double positive(JsonNode node, String field, double max, String unit) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        Double d = number(v);
        String where = file + "#" + field;
        if (d == null) {
            findings.add(ResultFinding.error(ResultCodes.BAD_VALUE, where, "'" + field + "' is " + shortText(v)
                    + ", not a number", "write the figure the tool printed, in " + unit));
            return null;
        }
        if (!Double.isFinite(d) || d <= 0) {
            findings.add(ResultFinding.error(ResultCodes.BAD_VALUE, where, "'" + field + "' is " + format(d)
                    + "; a measured figure is a positive number", "attach the file the benchmark wrote, unedited"));
            return null;
        }
        if (d > max) {
            findings.add(ResultFinding.error(ResultCodes.BAD_VALUE, where, "'" + field + "' is " + format(d) + " "
                    + unit + ", beyond any real hardware (at most " + format(max) + ")",
                    "check the unit: " + unit));
            return null;
        }
        return d;
    }

    /** A positive whole number (counts, lengths), or null when absent. */
    Integer count(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        Double d = number(v);
        if (d == null || !Double.isFinite(d) || d < 1 || d > 100_000_000 || d != Math.rint(d)) {
            findings.add(ResultFinding.error(ResultCodes.BAD_VALUE, file + "#" + field, "'" + field + "' is "
                    + shortText(v) + "; expected a whole number of at least 1", "write a count such as 1, 8, 512"));
            return null;
        }
        return (int) (double) d;
    }

    /** Text of a field, null when absent or not a scalar; capped at 200 characters. */
    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText().strip();
        if (s.isEmpty()) {
            return null;
        }
        return s.length() > 200 ? s.substring(0, 200) : s;
    }

    private static Double number(JsonNode v) {
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual()) {
            String s = v.asText().strip();
            if (s.length() > 40) {
                return null;
            }
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static String shortText(JsonNode v) {
        String s = v.isTextual() ? "'" + v.asText() + "'" : v.toString();
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    static String format(double d) {
        if (!Double.isFinite(d)) {
            return String.valueOf(d);
        }
        if (Math.abs(d) >= 1e6) {
            return String.format(Locale.ROOT, "%.3g", d);
        }
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.6g", d)).stripTrailingZeros().toPlainString();
    }
}
