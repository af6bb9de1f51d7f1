package dev.adapthub.core.repo;

import java.util.Locale;

/**
 * A listing request: free text (name, owner, tags), exact tag, chip and license filters, a sort
 * and a page. Blank filters are off; the page size is capped.
 */
public record RepoQuery(RepoKind kind, String text, String tag, String chip, String license, Sort sort, int page,
        int size) {

    public static final int MAX_PAGE_SIZE = 100;
    static final int MAX_FILTER = 100;

    /** Orders a listing. */
    public enum Sort {
        UPDATED, NAME, SIZE, LIKES, DOWNLOADS, TRENDING;

        public static Sort parse(String value) {
            if (value == null || value.isBlank()) {
                return UPDATED;
            }
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return UPDATED;
            }
        }
    }

    public RepoQuery {
        text = clean(text);
        tag = clean(tag);
        chip = clean(chip);
        license = clean(license);
        sort = sort == null ? Sort.UPDATED : sort;
        page = Math.max(0, page);
        size = size <= 0 ? 30 : Math.min(size, MAX_PAGE_SIZE);
    }

    private static String clean(String value) {
        if (value == null) {
            return "";
        }
        String stripped = value.strip().toLowerCase(Locale.ROOT);
        return stripped.length() > MAX_FILTER ? stripped.substring(0, MAX_FILTER) : stripped;
    }

    /** A value as a LIKE pattern matching it anywhere, with LIKE's own wildcards taken literally. */
    static String contains(String value) {
        return value.isEmpty() ? "" : "%" + escape(value) + "%";
    }

    /** A value as a LIKE pattern matching one whole entry of a '|'-delimited list. */
    static String member(String value) {
        return value.isEmpty() ? "" : "%|" + escape(value) + "|%";
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
