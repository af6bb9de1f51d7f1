package dev.adapthub.core.pull.protection;

/** Glob matching with {@code *} only, in O(pattern × text) time at worst, without backtracking blow-up. */
final class Wildcards {

    private Wildcards() {
    }

    /** Whether {@code text} matches {@code pattern}, where {@code *} matches any run of characters. */
    static boolean matches(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) != '*' && pattern.charAt(p) == text.charAt(t)) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = t;
            } else if (star >= 0) {
                // Let the last star swallow one more character and retry after it.
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
