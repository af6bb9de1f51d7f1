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
        return render(config, chip, plan, null);
    }

    /**
     * Renders a config to be used away from its repository: with a {@code source}, the model is named by
     * the hub's repository id and pinned revision (and the hub's address in {@code HF_ENDPOINT}) instead
     * of the config's path inside the repository, so the text works as pasted. {@code source} may be null.
     */
    public Export render(InferenceConfig config, ChipSpec chip, MemoryPlan plan, ModelSource source) {
        return switch (this) {
            case VLLM -> VllmExport.args(config, source);
            case VLLM_YAML -> VllmExport.yaml(config, source);
            case MINDIE -> MindieExport.fragment(config, plan, source);
            case LLAMACPP -> LlamaCppExport.args(config, chip, source);
        };
    }
}
