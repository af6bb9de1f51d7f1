package dev.adapthub.web.tools;

import dev.adapthub.chips.catalog.ChipSpec;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.git.read.RefListing;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What a tool's page adds to the repository page: its supported chips with their catalog data
 * and its Git tags as versions. Called from {@code repos/home.html} as {@code @toolPanels.of(repo)}
 * for tool repositories, so the repository page itself stays one controller.
 */
@Component("toolPanels")
public class ToolPanels {

    /** A chip the card names; {@code spec} is null when the catalog does not know the id. */
    public record SupportedChip(String id, ChipSpec spec) {
    }

    /** The panel's content. */
    public record ToolPanel(Tool tool, List<SupportedChip> chips, List<RefListing.Tag> versions) {
    }

    private final ToolCenter tools;
    private final RepoFiles files;

    ToolPanels(ToolCenter tools, RepoFiles files) {
        this.tools = tools;
        this.files = files;
    }

    public ToolPanel of(Repo repo) {
        Tool tool = tools.tool(repo);
        List<SupportedChip> chips = new ArrayList<>();
        for (String id : tool.chips()) {
            chips.add(new SupportedChip(id, tools.chip(id).orElse(null)));
        }
        chips.sort(Comparator.comparing((SupportedChip c) -> c.spec() == null ? 9 : c.spec().family().ordinal())
                .thenComparing(SupportedChip::id));
        List<RefListing.Tag> versions = files.isEmpty(repo) ? List.of() : files.tags(repo).stream()
                .sorted(Comparator.comparing((RefListing.Tag t) -> t.commit().committer().when()).reversed()
                        .thenComparing(RefListing.Tag::name, Comparator.reverseOrder()))
                .toList();
        return new ToolPanel(tool, chips, versions);
    }
}
