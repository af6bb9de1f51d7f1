package dev.adapthub.core.pull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The semantic diff of an inference config: field by field ({@code parallel.tensor 1 → 2}),
 * for files whose {@code kind} is {@code InferenceConfig} on either side. Anything that does not
 * parse as such gives no semantic diff (the unified diff still shows it).
 */
public final class ConfigFieldDiff {

    /** One changed field; {@code before} or {@code after} is null when the field was added or removed. */
    public record Change(String field, String before, String after) {

        public String describe() {
            return field + " " + (before == null ? "(none)" : before) + " → " + (after == null ? "(none)" : after);
        }
    }

    private static final int MAX_FIELDS = 500;

    private ConfigFieldDiff() {
    }

    /** The changed fields, or empty when neither side is an inference config. */
    public static Optional<List<Change>> between(String before, String after) {
        Map<String, String> old = flatten(before);
        Map<String, String> now = flatten(after);
        if (!isConfig(old) && !isConfig(now)) {
            return Optional.empty();
        }
        List<Change> changes = new ArrayList<>();
        TreeSet<String> fields = new TreeSet<>(old.keySet());
        fields.addAll(now.keySet());
        for (String field : fields) {
            if (!Objects.equals(old.get(field), now.get(field))) {
                changes.add(new Change(field, old.get(field), now.get(field)));
            }
        }
        return Optional.of(changes);
    }

    private static boolean isConfig(Map<String, String> fields) {
        return "InferenceConfig".equals(fields.get("kind"));
    }

    private static Map<String, String> flatten(String yaml) {
        Map<String, String> out = new LinkedHashMap<>();
        if (yaml == null || yaml.isBlank()) {
            return out;
        }
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(10);
            options.setCodePointLimit(256 * 1024);
            Object root = new Yaml(new SafeConstructor(options)).load(yaml);
            flatten("", root, out);
        } catch (RuntimeException notYaml) {
            out.clear();
        }
        return out;
    }

    private static void flatten(String prefix, Object value, Map<String, String> out) {
        if (out.size() >= MAX_FIELDS) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                flatten(prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), out);
            }
        } else if (!prefix.isEmpty()) {
            out.put(prefix, String.valueOf(value));
        }
    }
}
