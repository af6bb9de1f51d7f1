package dev.adapthub.core.repo;

import java.util.List;
import java.util.Locale;

/**
 * A listing request of the API ({@code GET /api/models?author=&filter=&pipeline_tag=&search=&sort=}):
 * every filter must hold. Blank filters are off.
 *
 * @param owner  only this namespace; its private repositories too when the viewer may read them
 * @param tags   each must be a card tag, the library or the pipeline tag (the Hub's {@code filter=})
 * @param ascending oldest or A-Z first instead of newest or Z-A first
 */
public record RepoFilter(RepoKind kind, String text, String owner, List<String> tags, String license,
        String pipelineTag, Order order, boolean ascending) {

    /** At most this many tag filters: each is a condition of the query. */
    public static final int MAX_TAGS = 10;

    /** What a listing is ordered by. */
    public enum Order {
        UPDATED, CREATED, NAME, LIKES, DOWNLOADS, TRENDING
    }

    public RepoFilter {
        text = clean(text);
        owner = clean(owner);
        tags = tags == null ? List.of() : tags.stream().map(RepoFilter::clean).filter(t -> !t.isEmpty()).toList();
        license = clean(license);
        pipelineTag = clean(pipelineTag);
        order = order == null ? Order.UPDATED : order;
    }

    private static String clean(String value) {
        if (value == null) {
            return "";
        }
        String stripped = value.strip().toLowerCase(Locale.ROOT);
        return stripped.length() > RepoQuery.MAX_FILTER ? stripped.substring(0, RepoQuery.MAX_FILTER) : stripped;
    }
}
