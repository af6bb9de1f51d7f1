package dev.adapthub.git.internal;

/** Internal: safe quoting of untrusted input inside error messages. Not API. */
public final class Texts {
    private static final int MAX_SHOWN = 80;

    private Texts() {
    }

    /**
     * Quotes a user-supplied value for an error message: control characters escaped, long values
     * cut, so a hostile name cannot forge log lines or flood a page.
     */
    public static String quote(String value) {
        if (value == null) {
            return "(none)";
        }
        StringBuilder sb = new StringBuilder("'");
        int n = Math.min(value.length(), MAX_SHOWN);
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (value.length() > MAX_SHOWN) {
            sb.append("…");
        }
        return sb.append('\'').toString();
    }

    /** True when the string has a control character or cannot be encoded as UTF-8. */
    public static boolean hasControlOrBrokenChars(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
