package dev.adapthub.chips.export;

import dev.adapthub.chips.catalog.ChipFamily;
import dev.adapthub.chips.catalog.ChipSpec;
import dev.adapthub.chips.config.InferenceConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * A hub config as {@code llama-server} arguments (llama.cpp server README / {@code llama-server --help}):
 * {@code -m}, {@code -c/--ctx-size}, {@code -np/--parallel}, {@code -ngl/--n-gpu-layers},
 * {@code -b/--batch-size}, {@code -ctk/-ctv} (cache types), {@code -fa/--flash-attn}, {@code -sm/--split-mode}.
 */
public final class LlamaCppExport {

    /** "Offload every layer": llama.cpp caps -ngl at the model's layer count. */
    static final int ALL_LAYERS = 999;

    private LlamaCppExport() {
    }

    /** The command line; {@code chip} decides GPU offload (null: assume a GPU). */
    public static Export args(InferenceConfig c, ChipSpec chip) {
        return args(c, chip, null);
    }

    /**
     * The command line; with a {@code source}, {@code HF_ENDPOINT=<hub> llama-server --hf-repo <owner>/<name> …}
     * (llama.cpp reads HF_ENDPOINT since April 2025, PR 12769).
     */
    public static Export args(InferenceConfig c, ChipSpec chip, ModelSource source) {
        List<String> notes = new ArrayList<>();
        List<String> a = new ArrayList<>(List.of("llama-server"));
        InferenceConfig.ModelRef model = ModelPaths.pinned(c.model(), source);
        if (model.repo() != null) {
            a.addAll(List.of("--hf-repo", model.repo()));
            if (model.revision() != null) {
                notes.add("llama.cpp's --hf-repo downloads from the default branch; the validated revision is "
                        + model.revision());
            }
        } else {
            a.addAll(List.of("-m", ModelPaths.reference(c.model()) + "model.gguf"));
            notes.add("-m must name the .gguf file; model.gguf is a placeholder in the model directory");
        }
        int slots = c.limits().maxNumSeqs() != null ? c.limits().maxNumSeqs() : 1;
        if (c.limits().maxModelLen() != null) {
            // llama-server divides --ctx-size among the --parallel slots (llama.cpp issue 11681)
            a.addAll(List.of("-c", String.valueOf((long) c.limits().maxModelLen() * slots)));
        }
        a.addAll(List.of("-np", String.valueOf(slots)));
        boolean cpu = chip != null && chip.family() == ChipFamily.CPU;
        a.addAll(List.of("-ngl", String.valueOf(cpu ? 0 : ALL_LAYERS)));
        if (c.limits().maxBatchedTokens() != null) {
            a.addAll(List.of("-b", String.valueOf(c.limits().maxBatchedTokens())));
        }
        String cache = DataTypeNames.llamaCppCacheType(c.precision().kvCache());
        if (cache != null) {
            a.addAll(List.of("-ctk", cache, "-ctv", cache));
            if (cache.startsWith("q")) {
                a.addAll(List.of("-fa", "on"));
                notes.add("a quantized V cache needs flash attention; builds before Aug 2025 take a bare -fa");
            }
        }
        if (!cpu && c.devices() > 1) {
            a.addAll(List.of("-sm", c.parallel().tensorOrOne() > 1 ? "row" : "layer"));
        }
        if (cpu) {
            notes.add("set -t to the physical cores of one socket; the catalog does not record core counts");
        }
        if (c.memory().utilization() != null) {
            notes.add("llama.cpp has no memory-utilization setting; its KV cache is exactly -c tokens");
        }
        String line = String.join(" ", a);
        return new Export(source == null ? line : source.environment() + " " + line, notes);
    }
}
