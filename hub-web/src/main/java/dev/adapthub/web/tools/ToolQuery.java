package dev.adapthub.web.tools;

import java.util.Locale;

/**
 * A Tool Center request: free text, chip family, vendor, chip, category, sort. Blank filters are
 * off; every value is trimmed, lower-cased and capped, so hostile input only ever filters.
 */
public record ToolQuery(String text, String family, String vendor, String chip, String category, Sort sort) {

    static final int MAX_FILTER = 100;

    /** How the list is ordered. */
    public enum Sort {
        NAME, UPDATED, CHIPS, LIKES, DOWNLOADS, TRENDING;

        static Sort parse(String value) {
            if (value == null) {
                return NAME;
            }
            for (Sort s : values()) {
                if (s.name().equalsIgnoreCase(value.strip())) {
                    return s;
                }
            }
            return NAME;
        }

        String param() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ToolQuery {
        text = clean(text);
        family = clean(family);
        vendor = clean(vendor);
        chip = clean(chip);
        category = clean(category);
        sort = sort == null ? Sort.NAME : sort;
    }

    static String clean(String value) {
        if (value == null) {
            return "";
        }
        String s = value.strip().toLowerCase(Locale.ROOT);
        return s.length() > MAX_FILTER ? s.substring(0, MAX_FILTER) : s;
    }

    boolean isFiltered() {
        return !(text.isEmpty() && family.isEmpty() && vendor.isEmpty() && chip.isEmpty() && category.isEmpty());
    }
}
