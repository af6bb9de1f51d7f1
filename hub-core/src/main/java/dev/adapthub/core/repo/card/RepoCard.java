package dev.adapthub.core.repo.card;

import java.util.List;

/**
 * The metadata a README's YAML front matter declares, as Hugging Face model cards do, plus
 * the hub's own {@code chips:} (alias {@code hardwares:}) and {@code engines:} lists and the
 * Tool Center's {@code chip_families:}, {@code version:} and {@code install:} (a snippet).
 *
 * @param warning why the front matter could not be read, or {@code null}; the page still shows
 */
public record RepoCard(String license, List<String> tags, String pipelineTag, String baseModel, String library,
        List<String> chips, List<String> engines, String category, String warning, List<String> chipFamilies,
        String version, String install) {

    public static final RepoCard EMPTY = new RepoCard(null, List.of(), null, null, null, List.of(), List.of(), null, null);

    public RepoCard {
        tags = List.copyOf(tags);
        chips = List.copyOf(chips);
        engines = List.copyOf(engines);
        chipFamilies = List.copyOf(chipFamilies);
    }

    /** A card without the Tool Center's fields. */
    public RepoCard(String license, List<String> tags, String pipelineTag, String baseModel, String library,
            List<String> chips, List<String> engines, String category, String warning) {
        this(license, tags, pipelineTag, baseModel, library, chips, engines, category, warning, List.of(), null, null);
    }

    static RepoCard broken(String warning) {
        return new RepoCard(null, List.of(), null, null, null, List.of(), List.of(), null, warning);
    }

    public boolean isEmpty() {
        return license == null && tags.isEmpty() && pipelineTag == null && baseModel == null && library == null
                && chips.isEmpty() && engines.isEmpty() && category == null && chipFamilies.isEmpty()
                && version == null && install == null;
    }
}
