package dev.adapthub.core.repo.card;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the YAML front matter of a README ({@code ---} lines around it). Hostile input is
 * bounded: no custom tags (SafeConstructor), few aliases (no "billion laughs"), a size and
 * nesting limit. A broken front matter yields a card with a warning, never an exception.
 */
public final class RepoCards {

    static final int MAX_FRONT_MATTER = 64 * 1024;
    static final int MAX_LIST = 100;
    static final int MAX_VALUE = 200;
    static final int MAX_SNIPPET = 4000;

    private RepoCards() {
    }

    public static ParsedReadme parse(String readme) {
        if (readme == null) {
            return new ParsedReadme(RepoCard.EMPTY, "");
        }
        String text = readme.startsWith("\uFEFF") ? readme.substring(1) : readme;
        if (!(text.startsWith("---\n") || text.startsWith("---\r\n"))) {
            return new ParsedReadme(RepoCard.EMPTY, text);
        }
        int start = text.indexOf('\n') + 1;
        int closing = closingLine(text, start);
        if (closing < 0) {
            return new ParsedReadme(RepoCard.broken("The front matter starts with '---' but has no closing '---' line."),
                    text);
        }
        String yaml = text.substring(start, closing);
        int afterClosing = text.indexOf('\n', closing);
        String body = afterClosing < 0 ? "" : text.substring(afterClosing + 1);
        if (yaml.length() > MAX_FRONT_MATTER) {
            return new ParsedReadme(RepoCard.broken("The front matter is larger than " + MAX_FRONT_MATTER / 1024
                    + " KiB and was not read."), body);
        }
        return new ParsedReadme(read(yaml), body);
    }

    /** Index where the line holding only {@code ---} starts, searching from {@code from}; -1 when none. */
    private static int closingLine(String text, int from) {
        int lineStart = from;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            String line = lineEnd < 0 ? text.substring(lineStart) : text.substring(lineStart, lineEnd);
            if (line.stripTrailing().equals("---")) {
                return lineStart;
            }
            if (lineEnd < 0) {
                return -1;
            }
            lineStart = lineEnd + 1;
        }
        return -1;
    }

    /**
     * The whole front matter of a README as a map (the Hub's {@code cardData}), empty when there is
     * none or it is not a readable YAML mapping within the size limit.
     */
    public static java.util.Optional<Map<String, Object>> frontMatter(String readme) {
        if (readme == null) {
            return java.util.Optional.empty();
        }
        String text = readme.startsWith("\uFEFF") ? readme.substring(1) : readme;
        if (!(text.startsWith("---\n") || text.startsWith("---\r\n"))) {
            return java.util.Optional.empty();
        }
        int start = text.indexOf('\n') + 1;
        int closing = closingLine(text, start);
        if (closing < 0 || closing - start > MAX_FRONT_MATTER) {
            return java.util.Optional.empty();
        }
        try {
            Object loaded = load(text.substring(start, closing));
            if (!(loaded instanceof Map<?, ?> map)) {
                return java.util.Optional.empty();
            }
            Map<String, Object> card = new java.util.LinkedHashMap<>();
            map.forEach((key, value) -> card.put(String.valueOf(key), value));
            return java.util.Optional.of(card);
        } catch (YAMLException e) {
            return java.util.Optional.empty();
        }
    }

    private static Object load(String yaml) {
        LoaderOptions options = new LoaderOptions();
        // No alias may stand for a list or map: a card needs none, and one inside the collection it
        // names builds a structure that contains itself, whose hashCode overflows the stack as a map
        // key (found by fuzzing in CI: RepoCardsFuzzTestInputs/frontMatter/self-referencing-key.md).
        options.setMaxAliasesForCollections(0);
        options.setAllowDuplicateKeys(false);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(MAX_FRONT_MATTER);
        return new Yaml(new SafeConstructor(options)).load(yaml);
    }

    private static RepoCard read(String yaml) {
        Object loaded;
        try {
            loaded = load(yaml);
        } catch (MarkedYAMLException e) {
            return RepoCard.broken("The front matter is not valid YAML at line " + (e.getProblemMark().getLine() + 2)
                    + ": " + e.getProblem() + ".");
        } catch (YAMLException e) {
            return RepoCard.broken("The front matter could not be read: " + e.getMessage());
        } catch (RuntimeException e) {
            // SafeConstructor reports some bad values with plain runtime exceptions, e.g. a
            // '!!binary' value that is not Base64 (IllegalArgumentException); found by fuzzing.
            return RepoCard.broken("The front matter has a value that cannot be read: " + e.getMessage());
        }
        if (loaded == null) {
            return RepoCard.EMPTY;
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            return RepoCard.broken("The front matter must be a YAML mapping (key: value lines).");
        }
        List<String> chips = new ArrayList<>(list(map.get("chips")));
        for (String chip : list(map.get("hardwares"))) {
            if (!chips.contains(chip)) {
                chips.add(chip);
            }
        }
        return new RepoCard(text(map.get("license")), list(map.get("tags")), text(map.get("pipeline_tag")),
                firstText(map.get("base_model")), firstText(map.containsKey("library_name") ? map.get("library_name") : map.get("library")),
                chips.size() > MAX_LIST ? chips.subList(0, MAX_LIST) : chips, list(map.get("engines")),
                text(map.get("category")), null, list(map.get("chip_families")), text(map.get("version")),
                snippet(map.get("install")));
    }

    /** A multi-line text such as an install snippet: kept whole up to {@link #MAX_SNIPPET} characters. */
    private static String snippet(Object value) {
        if (!(value instanceof String s) || s.isBlank()) {
            return null;
        }
        String stripped = s.stripTrailing();
        return stripped.length() > MAX_SNIPPET ? stripped.substring(0, MAX_SNIPPET) : stripped;
    }

    private static String text(Object value) {
        if (value == null || value instanceof Map || value instanceof Collection) {
            return null;
        }
        String s = value.toString().strip();
        return s.isEmpty() ? null : s.length() > MAX_VALUE ? s.substring(0, MAX_VALUE) : s;
    }

    private static String firstText(Object value) {
        if (value instanceof List<?> list) {
            return list.isEmpty() ? null : text(list.get(0));
        }
        return text(value);
    }

    private static List<String> list(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof Collection<?> items) {
            for (Object item : items) {
                String s = text(item);
                if (s != null && out.size() < MAX_LIST) {
                    out.add(s);
                }
            }
        } else {
            String s = text(value);
            if (s != null) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }
}
