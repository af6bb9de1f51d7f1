package dev.adapthub.core.adaptation;

import dev.adapthub.chips.export.EngineFormat;
import java.util.List;
import java.util.Map;

/** Which engine-native forms make sense for a config's engine (hub YAML always does). */
final class EngineFormats {

    static final String YAML = "yaml";

    private static final Map<String, List<EngineFormat>> BY_ENGINE = Map.of(
            "vllm", List.of(EngineFormat.VLLM, EngineFormat.VLLM_YAML),
            "vllm-ascend", List.of(EngineFormat.VLLM, EngineFormat.VLLM_YAML),
            "mindie", List.of(EngineFormat.MINDIE),
            "llama.cpp", List.of(EngineFormat.LLAMACPP));

    private EngineFormats() {
    }

    static List<EngineFormat> forEngine(String engine) {
        return BY_ENGINE.getOrDefault(engine, List.of());
    }

    /** The names a download accepts for this engine: {@code yaml} first. */
    static List<String> names(String engine) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(YAML),
                forEngine(engine).stream().map(EngineFormat::cliName)).toList();
    }

    /** File name suffix of an export. */
    static String suffix(EngineFormat format) {
        return switch (format) {
            case VLLM -> ".vllm-args.txt";
            case VLLM_YAML -> ".vllm.yaml";
            case MINDIE -> ".mindie.json";
            case LLAMACPP -> ".llamacpp-args.txt";
        };
    }

    static String contentType(EngineFormat format) {
        return switch (format) {
            case VLLM, LLAMACPP -> "text/plain";
            case VLLM_YAML -> "application/yaml";
            case MINDIE -> "application/json";
        };
    }
}
