package dev.adapthub.core.search;

import dev.adapthub.chips.catalog.ChipSpec;
import dev.adapthub.core.repo.Repo;
import java.util.List;
import java.util.Map;

/**
 * One page of results with the facets beside them.
 *
 * @param hits          the repositories of this page
 * @param total         how many repositories match in all (at most {@value SearchService#MAX_CANDIDATES})
 * @param facets        per facet name ({@code kind}, {@code family}, {@code vendor}, {@code engine},
 *                      {@code license}, {@code task}, {@code validated}) its values with counts; a count is
 *                      what choosing the value would give with the other facets as they are
 * @param chips         catalog chips whose id, name or vendor match the words
 * @param organizations organization names that match the words
 */
public record SearchResults(SearchRequest request, List<Hit> hits, int total, Map<String, List<FacetValue>> facets,
        List<ChipSpec> chips, List<String> organizations) {

    /** A repository found, with the chips it has configs that passed validation for. */
    public record Hit(Repo repo, List<String> validatedChips) {
    }

    /** A facet value, its count, and whether it is the one chosen. */
    public record FacetValue(String value, long count, boolean selected) {
    }

    public int pages() {
        return Math.max(1, (total + SearchRequest.PAGE_SIZE - 1) / SearchRequest.PAGE_SIZE);
    }
}
