package dev.adapthub.web.search;

import dev.adapthub.core.search.SearchRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/** The URLs of a results page: the same search with one facet toggled, another order, another page. */
public final class SearchLinks {

    private final SearchRequest query;

    SearchLinks(SearchRequest query) {
        this.query = query;
    }

    /** The search with {@code facet} set to {@code value}, or cleared when it already is. */
    public String toggle(String facet, String value) {
        Map<String, String> p = params();
        if (value.equalsIgnoreCase(p.getOrDefault(facet, ""))) {
            p.remove(facet);
        } else {
            p.put(facet, value);
        }
        p.remove("page");
        return url(p);
    }

    public String sorted(String sort) {
        Map<String, String> p = params();
        p.put("sort", sort);
        p.remove("page");
        return url(p);
    }

    public String page(int page) {
        Map<String, String> p = params();
        p.put("page", String.valueOf(page));
        return url(p);
    }

    private Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "q", query.text());
        put(p, "kind", query.kind() == null ? "" : query.kind().name().toLowerCase(Locale.ROOT));
        put(p, "family", query.family());
        put(p, "vendor", query.vendor());
        put(p, "engine", query.engine());
        put(p, "license", query.license());
        put(p, "task", query.task());
        put(p, "validated", query.validated() ? "true" : "");
        put(p, "sort", query.sort().name().toLowerCase(Locale.ROOT));
        if (query.page() > 0) {
            p.put("page", String.valueOf(query.page()));
        }
        return p;
    }

    private static void put(Map<String, String> p, String name, String value) {
        if (!value.isEmpty()) {
            p.put(name, value);
        }
    }

    private static String url(Map<String, String> p) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/search");
        p.forEach(b::queryParam);
        return b.encode().build().toUriString();
    }
}
