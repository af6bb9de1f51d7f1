package dev.adapthub.chips.export;

import dev.adapthub.chips.config.InferenceConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A hub config as {@code vllm serve} arguments, or as the YAML file of {@code vllm serve --config}
 * (vLLM serve-args docs: "the argument names must be the long form", so keys are the flags
 * without their leading dashes).
 */
public final class VllmExport {

    private VllmExport() {
    }

    /** The command line, one token per element, ready for a process builder. */
    public static List<String> tokens(InferenceConfig config) {
        return VllmOptions.commandLine(VllmOptions.of(config, null, new ArrayList<>()));
    }

    /** The command line as one shell line (tokens are flag names, numbers and paths without spaces, quoted if not). */
    public static Export args(InferenceConfig config) {
        return args(config, null);
    }

    /**
     * The command line as one shell line; with a {@code source}, {@code HF_ENDPOINT=<hub> vllm serve
     * <owner>/<name> --revision <commit> …}, which works as pasted.
     */
    public static Export args(InferenceConfig config, ModelSource source) {
        List<String> notes = new ArrayList<>();
        List<String> tokens = VllmOptions.commandLine(VllmOptions.of(config, source, notes));
        String line = String.join(" ", tokens.stream().map(VllmExport::shellQuote).toList());
        return new Export(source == null ? line : source.environment() + " " + line, notes);
    }

    /** The {@code vllm serve --config} YAML. */
    public static Export yaml(InferenceConfig config) {
        return yaml(config, null);
    }

    /** The {@code vllm serve --config} YAML; with a {@code source}, {@code model} and {@code revision} pin the hub's commit. */
    public static Export yaml(InferenceConfig config, ModelSource source) {
        List<String> notes = new ArrayList<>();
        if (source != null) {
            notes.add("run it as " + source.environment() + " vllm serve --config <this file>, so vLLM downloads "
                    + source.repo() + " from this hub");
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : VllmOptions.of(config, source, notes).entrySet()) {
            doc.put(e.getKey(), typed(e.getValue()));
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Export(new Yaml(options).dump(doc), notes);
    }

    /** Numbers and booleans as YAML scalars of their type, so vLLM's argparse sees the same values. */
    private static Object typed(String value) {
        if (value.equals("true")) {
            return Boolean.TRUE;
        }
        if (value.matches("-?\\d+")) {
            return Long.parseLong(value);
        }
        if (value.matches("-?\\d+\\.\\d+")) {
            return Double.parseDouble(value);
        }
        return value;
    }

    private static String shellQuote(String token) {
        return token.matches("[A-Za-z0-9_./:=@+-]+") ? token : "'" + token.replace("'", "'\\''") + "'";
    }
}
