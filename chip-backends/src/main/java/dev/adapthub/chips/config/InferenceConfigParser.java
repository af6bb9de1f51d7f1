package dev.adapthub.chips.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.adapthub.chips.catalog.EditDistance;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;

/**
 * Parses an InferenceConfig YAML: safe YAML ({@link YamlTree}), then the published JSON Schema
 * ({@value #SCHEMA_RESOURCE}, draft 2020-12, checked with networknt json-schema-validator), then
 * binding. Every problem carries line, column and field path; an unknown field gets a
 * "did you mean" from the schema's own property names.
 */
public final class InferenceConfigParser {

    /** Class-path location of the published schema. */
    public static final String SCHEMA_RESOURCE = "dev/adapthub/chips/config/inference-config.schema.json";

    private static final JsonNode SCHEMA_NODE = loadSchema();
    private static final JsonSchema SCHEMA =
            JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(SCHEMA_NODE);

    private InferenceConfigParser() {
    }

    /** The schema text, for publishing (e.g. the hub serves it at a stable URL). */
    public static JsonNode schema() {
        return SCHEMA_NODE.deepCopy();
    }

    /** Parses and checks a config; throws with every problem found. */
    public static InferenceConfig parse(String yaml) throws ConfigException {
        return parseWithPositions(yaml).config();
    }

    /** A parsed config with the source position of every field, for findings that point at lines. */
    public record Located(InferenceConfig config, Map<String, Mark> marks) {
        /** 1-based line of a dotted path (or its nearest present parent), 0 when unknown. */
        public int line(String path) {
            Mark m = mark(path);
            return m == null ? 0 : m.getLine() + 1;
        }

        /** 1-based column of a dotted path, 0 when unknown. */
        public int column(String path) {
            Mark m = mark(path);
            return m == null ? 0 : m.getColumn() + 1;
        }

        private Mark mark(String path) {
            String p = path;
            while (true) {
                Mark m = marks.get(p);
                if (m != null || p.isEmpty()) {
                    return m;
                }
                int dot = p.lastIndexOf('.');
                p = dot < 0 ? "" : p.substring(0, dot);
            }
        }
    }

    /** Like {@link #parse} but keeps positions. */
    public static Located parseWithPositions(String yaml) throws ConfigException {
        YamlTree.Parsed parsed = YamlTree.parse(yaml);
        JsonNode root = parsed.root();
        if (!root.isObject()) {
            throw new ConfigException(YamlTree.problem("", parsed.marks().get(""), "config must be a YAML map",
                    "start with 'apiVersion: adapthub/v1' and 'kind: InferenceConfig'"));
        }
        List<ConfigProblem> problems = new ArrayList<>();
        for (ValidationMessage m : SCHEMA.validate(root)) {
            problems.add(toProblem(m, parsed.marks()));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column)
                    .thenComparing(ConfigProblem::path));
            throw new ConfigException(problems);
        }
        return new Located(Binder.bind(root), parsed.marks());
    }

    private static ConfigProblem toProblem(ValidationMessage m, Map<String, Mark> marks) {
        String parent = dotted(m.getInstanceLocation());
        String type = m.getType();
        if ("additionalProperties".equals(type) && m.getProperty() != null) {
            String field = m.getProperty();
            String path = parent.isEmpty() ? field : parent + "." + field;
            List<String> known = knownFields(parent);
            String best = known.stream().min(Comparator.comparingInt(k -> EditDistance.between(
                    k.toLowerCase(), field.toLowerCase()))).orElse(null);
            String hint = best != null && EditDistance.between(best.toLowerCase(), field.toLowerCase())
                    <= Math.max(2, field.length() / 3)
                    ? "did you mean '" + best + "'?" : "known fields here: " + String.join(", ", known);
            return YamlTree.problem(path, marks.get(path), "unknown field '" + field + "'", hint);
        }
        if ("required".equals(type) && m.getProperty() != null) {
            String path = parent.isEmpty() ? m.getProperty() : parent + "." + m.getProperty();
            return YamlTree.problem(path, marks.get(parent), "required field '" + m.getProperty() + "' is missing",
                    "add it (see the InferenceConfig schema)");
        }
        String hint = switch (type == null ? "" : type) {
            case "enum", "const" -> "allowed: " + allowed(m.getSchemaNode());
            case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" -> "use a value within the allowed range";
            case "type" -> "expected " + m.getSchemaNode();
            case "pattern" -> "use lower-case letters, digits and '-'";
            default -> "";
        };
        String message = m.getMessage();
        int colon = message.indexOf(": ");
        if (colon > 0 && message.startsWith("$")) {
            message = message.substring(colon + 2);
        }
        return YamlTree.problem(parent, marks.get(parent), message, hint);
    }

    private static String allowed(JsonNode node) {
        if (node == null) {
            return "";
        }
        if (node.isArray()) {
            List<String> values = new ArrayList<>();
            node.forEach(v -> values.add(v.asText()));
            return String.join(", ", values);
        }
        return node.asText();
    }

    private static List<String> knownFields(String dottedPath) {
        JsonNode schema = SCHEMA_NODE;
        if (!dottedPath.isEmpty()) {
            for (String part : dottedPath.split("\\.")) {
                schema = schema.path("properties").path(part);
            }
        }
        List<String> names = new ArrayList<>();
        Iterator<String> it = schema.path("properties").fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    private static String dotted(JsonNodePath path) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object e = path.getElement(i);
            if (e instanceof Integer index) {
                sb.append('[').append(index).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(e);
            }
        }
        return sb.toString();
    }

    private static JsonNode loadSchema() {
        try (InputStream in = InferenceConfigParser.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("schema resource " + SCHEMA_RESOURCE + " is missing from the jar");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SCHEMA_RESOURCE, e);
        }
    }
}
