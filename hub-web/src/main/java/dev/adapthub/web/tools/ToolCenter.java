package dev.adapthub.web.tools;

import dev.adapthub.chips.catalog.ChipSpec;
import dev.adapthub.core.chip.ChipCenter;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/**
 * The public tool repositories with their cards, filtered and sorted in memory: a hub holds
 * tens to hundreds of tools, and the vendor and family filters need the chip catalog, which
 * the database does not have.
 */
@Service
class ToolCenter {

    private final RepoService repos;
    private final ChipCenter chips;

    ToolCenter(RepoService repos, ChipCenter chips) {
        this.repos = repos;
        this.chips = chips;
    }

    List<Tool> search(ToolQuery query) {
        Comparator<Tool> order = switch (query.sort()) {
            case NAME -> Comparator.comparing((Tool t) -> Tool.lower(t.fullName()));
            case UPDATED -> Comparator.comparing(Tool::updatedAt).reversed();
            case CHIPS -> Comparator.comparing((Tool t) -> t.chips().size()).reversed()
                    .thenComparing(t -> Tool.lower(t.fullName()));
            case LIKES -> Comparator.comparingLong((Tool t) -> t.popularity().likes()).reversed()
                    .thenComparing(t -> Tool.lower(t.fullName()));
            case DOWNLOADS -> Comparator.comparingLong((Tool t) -> t.popularity().downloads()).reversed()
                    .thenComparing(t -> Tool.lower(t.fullName()));
            case TRENDING -> Comparator.comparingLong((Tool t) -> t.popularity().trending()).reversed()
                    .thenComparing(t -> Tool.lower(t.fullName()));
        };
        return repos.listPublic(RepoKind.TOOL).stream().map(this::tool).filter(t -> t.matches(query)).sorted(order)
                .toList();
    }

    Tool tool(Repo repo) {
        Set<String> families = new TreeSet<>();
        repo.summary().chipFamilies().forEach(f -> families.add(f.toUpperCase(Locale.ROOT)));
        Set<String> vendors = new TreeSet<>();
        for (String id : repo.summary().chips()) {
            chip(id).ifPresent(c -> {
                families.add(c.family().name());
                vendors.add(c.vendor());
            });
        }
        return Tool.of(repo, families, vendors);
    }

    Optional<ChipSpec> chip(String id) {
        return chips.registry().catalog().find(id);
    }

    /** Choices for the filter menus: from the catalog, so a filter is offered before any tool uses it. */
    List<String> vendors() {
        return chips.chips().stream().map(ChipSpec::vendor).distinct().sorted().toList();
    }

    List<ChipSpec> catalog() {
        return chips.chips();
    }
}
