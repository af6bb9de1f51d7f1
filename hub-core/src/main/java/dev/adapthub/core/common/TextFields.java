package dev.adapthub.core.common;

/**
 * Checks free-text fields. Text is stored as typed and escaped when shown; what is refused
 * here is what no page could show faithfully: control characters and overlong values.
 */
public final class TextFields {

    private TextFields() {
    }

    /** A one-line optional value: trimmed, no control characters, at most {@code max} characters. */
    public static String optionalLine(String field, String value, int max) {
        return check(field, value, max, false);
    }

    /** An optional multi-line value: line breaks and tabs allowed, other control characters not. */
    public static String optionalText(String field, String value, int max) {
        return check(field, value, max, true);
    }

    /** A required one-line value. */
    public static String requiredLine(String field, String value, int max) {
        String checked = check(field, value, max, false);
        if (checked == null) {
            throw new InvalidInputException(field, "This field is required.");
        }
        return checked;
    }

    private static String check(String field, String value, int max, boolean multiline) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new InvalidInputException(field, "At most " + max + " characters; this has " + stripped.length() + ".");
        }
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            boolean allowedBreak = multiline && (c == '\n' || c == '\r' || c == '\t');
            if (Character.isISOControl(c) && !allowedBreak) {
                throw new InvalidInputException(field, "Remove the control character at position " + (i + 1) + ".");
            }
        }
        return stripped;
    }
}
