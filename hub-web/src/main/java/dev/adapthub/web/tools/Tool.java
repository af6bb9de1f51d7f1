package dev.adapthub.web.tools;

import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoPopularity;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A tool repository as the Tool Center lists it: what its card declares, with the chip families
 * and vendors its chips belong to (from the catalog) added to the families the card names.
 */
public record Tool(String urlPath, String fullName, String category, List<String> chips, Set<String> families,
        Set<String> vendors, List<String> engines, String version, String license, List<String> tags,
        Instant updatedAt, RepoPopularity popularity) {

    boolean matches(ToolQuery q) {
        return (q.text().isEmpty() || searchText().contains(q.text()))
                && (q.family().isEmpty() || families.stream().anyMatch(f -> lower(f).equals(q.family())))
                && (q.vendor().isEmpty() || vendors.stream().anyMatch(v -> lower(v).equals(q.vendor())))
                && (q.chip().isEmpty() || chips.stream().anyMatch(c -> lower(c).equals(q.chip())))
                && (q.category().isEmpty() || q.category().equals(lower(category)));
    }

    private String searchText() {
        return lower(fullName + " " + String.join(" ", tags) + " " + String.join(" ", engines) + " "
                + (category == null ? "" : category));
    }

    static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    static Tool of(Repo repo, Set<String> families, Set<String> vendors) {
        var s = repo.summary();
        return new Tool(repo.urlPath(), repo.fullName(), s.category(), s.chips(), families, vendors, s.engines(),
                s.version(), s.license(), s.tags(), repo.updatedAt(), repo.popularity());
    }
}
