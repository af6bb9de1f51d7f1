package dev.adapthub.chips.export;

import dev.adapthub.chips.catalog.ChipSpec;
import dev.adapthub.chips.config.InferenceConfig;
import dev.adapthub.chips.spi.MemoryPlan;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The engine-native forms a hub config exports to (the CLI's {@code --engine} values). */
public enum EngineFormat {
    VLLM("vllm"),
    VLLM_YAML("vllm-yaml"),
    MINDIE("mindie"),
    LLAMACPP("llamacpp");

    private final String cliName;

    EngineFormat(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** The format with this CLI name (case-insensitive). */
    public static Optional<EngineFormat> byName(String name) {
        return Arrays.stream(values()).filter(f -> f.cliName.equals(name.toLowerCase(Locale.ROOT))).findFirst();
    }

    /**
     * Renders a config. {@code chip} and {@code plan} may be null; with them the exports fill in what
     * depends on the hardware (GPU offload, MindIE's KV-cache size).
     */
    public Export render(InferenceConfig config, ChipSpec chip, MemoryPlan plan) {
        return switch (this) {
            case VLLM -> VllmExport.args(config);
            case VLLM_YAML -> VllmExport.yaml(config);
            case MINDIE -> MindieExport.fragment(config, plan);
            case LLAMACPP -> LlamaCppExport.args(config, chip);
        };
    }
}
