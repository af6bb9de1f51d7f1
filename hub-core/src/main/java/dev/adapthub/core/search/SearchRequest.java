package dev.adapthub.core.search;

import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.repo.RepoKind;
import java.util.Locale;

/**
 * One search: the words, the facets chosen (blank means any) and the order.
 *
 * @param text      what the user typed, stripped; at most {@value #MAX_TEXT} characters
 * @param kind      model, dataset or tool; null for all
 * @param family    a chip family (NPU, GPGPU, CPU) the repository targets, by its card or a validated config
 * @param vendor    a chip vendor, likewise
 * @param engine    an inference engine, likewise
 * @param license   the card's license
 * @param task      the card's pipeline tag
 * @param validated only repositories with a config that passed validation
 * @param page      0-based
 */
public record SearchRequest(String text, RepoKind kind, String family, String vendor, String engine, String license,
        String task, boolean validated, SearchSort sort, int page) {

    public static final int MAX_TEXT = 200;
    public static final int PAGE_SIZE = 20;
    static final int MAX_FACET = 100;

    public SearchRequest {
        text = text == null ? "" : text.strip();
        if (text.length() > MAX_TEXT) {
            throw new InvalidInputException("q", "The search is " + text.length() + " characters long; keep it under "
                    + MAX_TEXT + ".");
        }
        family = facet("family", family);
        vendor = facet("vendor", vendor);
        engine = facet("engine", engine);
        license = facet("license", license);
        task = facet("task", task);
        sort = sort == null ? (text.isEmpty() ? SearchSort.UPDATED : SearchSort.RELEVANCE) : sort;
        if (page < 0 || page > 10_000) {
            throw new InvalidInputException("page", "Page " + page + " does not exist; pages count from 0.");
        }
    }

    /** True when neither words nor a facet narrow the search: nothing to look for. */
    public boolean isEmpty() {
        return text.isEmpty() && kind == null && family.isEmpty() && vendor.isEmpty() && engine.isEmpty()
                && license.isEmpty() && task.isEmpty() && !validated;
    }

    /** The kind named in a URL ({@code model}, {@code dataset}, {@code tool}; blank for all). */
    public static RepoKind kind(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        for (RepoKind k : RepoKind.values()) {
            if (k.name().equalsIgnoreCase(name.strip())) {
                return k;
            }
        }
        throw new InvalidInputException("kind", "Unknown kind '" + shorten(name) + "'; use model, dataset or tool.");
    }

    /** The order named in a URL; blank means relevance with words, else recently updated. */
    public static SearchSort sort(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return SearchSort.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("sort", "Unknown order '" + shorten(name) + "'; use "
                    + String.join(", ", java.util.Arrays.stream(SearchSort.values())
                            .map(s -> s.name().toLowerCase(Locale.ROOT)).toList()) + ".");
        }
    }

    private static String facet(String field, String value) {
        String v = value == null ? "" : value.strip();
        if (v.length() > MAX_FACET) {
            throw new InvalidInputException(field, "The " + field + " filter is " + v.length()
                    + " characters long; pick one of the listed values.");
        }
        return v;
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
