package dev.adapthub.chips.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Parses YAML into a Jackson tree while remembering where each field was (line, column), with
 * the limits a hub that reads strangers' files needs: a size limit, few aliases (no "billion
 * laughs"), bounded nesting, no duplicate keys, and no tags beyond the plain YAML types (so no
 * object construction at all: SnakeYAML only composes nodes here).
 */
final class YamlTree {

    /** Largest config accepted: a real InferenceConfig is well under 4 KiB. */
    static final int MAX_BYTES = 64 * 1024;
    /** Anchors/aliases are legal YAML but a config needs few; the limit defeats alias bombs. */
    private static final int MAX_ALIASES = 10;
    private static final int MAX_NESTING = 32;
    /** Bound on converted nodes, so even permitted aliases cannot blow up the tree. */
    private static final int MAX_NODES = 20_000;
    private static final Set<Tag> PLAIN_TAGS = Set.of(Tag.MAP, Tag.SEQ, Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL,
            Tag.NULL);

    /** Where each dotted path starts in the document. */
    record Parsed(JsonNode root, Map<String, Mark> marks) { }

    private final Map<String, Mark> marks = new HashMap<>();
    private int nodes;

    static Parsed parse(String text) throws ConfigException {
        if (text.length() > MAX_BYTES) {
            throw new ConfigException(new ConfigProblem("", 0, 0, "config is larger than " + MAX_BYTES
                    + " characters", "an InferenceConfig is a few dozen lines; check that the right file was given"));
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_BYTES);
        Node node;
        try {
            node = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new ConfigException(problem("", m, "not valid YAML: " + e.getProblem(),
                    "fix the YAML syntax at this position"));
        } catch (YAMLException e) {
            throw new ConfigException(new ConfigProblem("", 0, 0, "not valid YAML: " + e.getMessage(),
                    "fix the YAML syntax"));
        } catch (RuntimeException e) {
            // SnakeYAML signals some limits (e.g. nesting depth) with plain runtime exceptions
            throw new ConfigException(new ConfigProblem("", 0, 0, "YAML rejected: " + e.getMessage(),
                    "simplify the document"));
        }
        if (node == null) {
            throw new ConfigException(new ConfigProblem("", 0, 0, "config is empty",
                    "start with 'apiVersion: adapthub/v1' and 'kind: InferenceConfig'"));
        }
        YamlTree tree = new YamlTree();
        JsonNode root = tree.convert(node, "", 0);
        return new Parsed(root, Map.copyOf(tree.marks));
    }

    private JsonNode convert(Node node, String path, int depth) throws ConfigException {
        if (++nodes > MAX_NODES) {
            throw new ConfigException(problem(path, node.getStartMark(), "document has too many nodes",
                    "an InferenceConfig needs a few dozen fields"));
        }
        // SnakeYAML's nesting limit counts the text only: an alias inside the collection it names
        // ("a: &x [*x]") composes into a cycle, which would recurse here until the stack overflows.
        if (depth > MAX_NESTING) {
            throw new ConfigException(problem(path, node.getStartMark(), "document nests deeper than "
                    + MAX_NESTING + " levels", "an alias may not refer to the collection that contains it"));
        }
        marks.putIfAbsent(path, node.getStartMark());
        if (!PLAIN_TAGS.contains(node.getTag())) {
            throw new ConfigException(problem(path, node.getStartMark(), "tag " + node.getTag()
                    + " is not allowed", "remove the tag; only plain YAML values are accepted"));
        }
        if (node instanceof MappingNode map) {
            ObjectNode obj = JsonNodeFactory.instance.objectNode();
            for (NodeTuple t : map.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode key)) {
                    throw new ConfigException(problem(path, t.getKeyNode().getStartMark(),
                            "keys must be plain names", "write 'name: value'"));
                }
                String child = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
                if (obj.has(key.getValue())) {
                    throw new ConfigException(problem(child, key.getStartMark(), "duplicate key '"
                            + key.getValue() + "'", "keep one of them"));
                }
                marks.put(child, key.getStartMark());
                obj.set(key.getValue(), convert(t.getValueNode(), child, depth + 1));
            }
            return obj;
        }
        if (node instanceof SequenceNode seq) {
            ArrayNode arr = JsonNodeFactory.instance.arrayNode();
            int i = 0;
            for (Node item : seq.getValue()) {
                arr.add(convert(item, path + "[" + i++ + "]", depth + 1));
            }
            return arr;
        }
        return scalar((ScalarNode) node, path);
    }

    private JsonNode scalar(ScalarNode s, String path) throws ConfigException {
        String v = s.getValue();
        JsonNodeFactory f = JsonNodeFactory.instance;
        Tag tag = s.getTag();
        if (Tag.NULL.equals(tag)) {
            return f.nullNode();
        }
        if (Tag.BOOL.equals(tag)) {
            return f.booleanNode(Set.of("true", "yes", "on", "y").contains(v.toLowerCase(Locale.ROOT)));
        }
        try {
            if (Tag.INT.equals(tag)) {
                return f.numberNode(parseInt(v.replace("_", "")));
            }
            if (Tag.FLOAT.equals(tag)) {
                String t = v.replace("_", "").toLowerCase(Locale.ROOT);
                if (t.contains("nan") || t.contains("inf")) {
                    throw new ConfigException(problem(path, s.getStartMark(), "'" + v + "' is not a finite number",
                            "write a plain number"));
                }
                BigDecimal d = new BigDecimal(t);
                return f.numberNode(d);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new ConfigException(problem(path, s.getStartMark(), "'" + v + "' is not a number", "write a plain number"));
        }
        return f.textNode(v);
    }

    private static BigInteger parseInt(String v) {
        String t = v.startsWith("+") ? v.substring(1) : v;
        boolean negative = t.startsWith("-");
        if (negative) {
            t = t.substring(1);
        }
        BigInteger value;
        if (t.startsWith("0x")) {
            value = new BigInteger(t.substring(2), 16);
        } else if (t.startsWith("0o")) {
            value = new BigInteger(t.substring(2), 8);
        } else if (t.startsWith("0b")) {
            value = new BigInteger(t.substring(2), 2);
        } else if (t.contains(":")) {
            throw new NumberFormatException("sexagesimal");
        } else {
            value = new BigInteger(t);
        }
        if (value.bitLength() > 256) {
            throw new NumberFormatException("too long");
        }
        return negative ? value.negate() : value;
    }

    static ConfigProblem problem(String path, Mark mark, String message, String hint) {
        return mark == null ? new ConfigProblem(path, 0, 0, message, hint)
                : new ConfigProblem(path, mark.getLine() + 1, mark.getColumn() + 1, message, hint);
    }
}
