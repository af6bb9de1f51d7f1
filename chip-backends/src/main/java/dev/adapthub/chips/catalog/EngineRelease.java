package dev.adapthub.chips.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An engine version as written in configs and engine profiles: dotted numbers with an optional
 * {@code v} prefix and suffix ({@code 0.6.4}, {@code v0.7.3}, {@code 0.9.0rc1}), or a llama.cpp
 * build ({@code b4226}, compared by build number). Missing parts compare as 0, so {@code 0.6}
 * equals {@code 0.6.0}; suffixes such as {@code rc1} are ignored.
 */
public record EngineRelease(List<Integer> parts, String text) implements Comparable<EngineRelease> {

    public EngineRelease {
        parts = List.copyOf(parts);
    }

    /** Parses a version; empty when the text has no leading number. */
    public static java.util.Optional<EngineRelease> parse(String text) {
        if (text == null) {
            return java.util.Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("v") || t.startsWith("b")) {
            t = t.substring(1);
        }
        List<Integer> parts = new ArrayList<>();
        for (String p : t.split("[.]")) {
            String digits = p.replaceAll("^(\\d+).*$", "$1");
            if (digits.isEmpty() || !Character.isDigit(digits.charAt(0))) {
                break;
            }
            try {
                parts.add(Integer.parseInt(digits));
            } catch (NumberFormatException e) {
                break;
            }
            if (!digits.equals(p)) {
                break; // "0rc1": the number counts, the rest is a pre-release tag
            }
        }
        return parts.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(new EngineRelease(parts, text.trim()));
    }

    @Override
    public int compareTo(EngineRelease o) {
        int n = Math.max(parts.size(), o.parts.size());
        for (int i = 0; i < n; i++) {
            int a = i < parts.size() ? parts.get(i) : 0;
            int b = i < o.parts.size() ? o.parts.get(i) : 0;
            if (a != b) {
                return Integer.compare(a, b);
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
