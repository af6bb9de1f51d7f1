package dev.adapthub.chips.sim;

import dev.adapthub.chips.catalog.ChipSpec;
import dev.adapthub.chips.model.Operators;
import dev.adapthub.chips.spi.Capabilities;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builder for one chip's {@link Capabilities}: per engine, the declared types, schemes,
 * attention variants, operator table and block-size rule. Gated values are dropped for chips
 * that fail their gate, so capabilities always describe the chip as it is.
 */
final class EngineTable {

    /** Every architecture the model reader knows, with every operator: the full table. */
    static final List<String> ALL_ARCHITECTURES = List.of("llama", "mistral", "qwen2", "qwen3", "qwen2_moe",
            "qwen3_moe", "mixtral", "deepseek_v2", "deepseek_v3", "gemma2", "phi3");
    static final Set<String> ALL_OPERATORS = Set.of(Operators.EMBEDDING, Operators.LINEAR, Operators.LINEAR_BIAS,
            Operators.RMS_NORM, Operators.GEMMA_RMS_NORM, Operators.ROTARY, Operators.YARN_ROTARY,
            Operators.LONGROPE_ROTARY, Operators.PAGED_ATTENTION, Operators.MLA_ATTENTION,
            Operators.SLIDING_WINDOW_ATTENTION, Operators.SOFTCAP, Operators.SILU_AND_MUL,
            Operators.GELU_TANH_AND_MUL, Operators.QK_NORM, Operators.FUSED_MOE, Operators.TOPK_SOFTMAX,
            Operators.GROUPED_TOPK, Operators.SAMPLER);
    static final Set<String> GGUF_TYPES = Set.of("none", "q4_0", "q4_k_m", "q5_k_m", "q6_k", "q8_0", "f16", "bf16");

    private final ChipSpec chip;
    private final List<Gate> gates;
    private final Set<String> engines = new LinkedHashSet<>();
    private final Map<String, Set<String>> dataTypes = new HashMap<>();
    private final Map<String, Set<String>> kvTypes = new HashMap<>();
    private final Map<String, Set<String>> quants = new HashMap<>();
    private final Map<String, Set<String>> attention = new HashMap<>();
    private final Map<String, Map<String, Set<String>>> operators = new HashMap<>();
    private final Map<String, Capabilities.BlockSizeRule> blocks = new HashMap<>();

    EngineTable(ChipSpec chip, List<Gate> gates) {
        this.chip = chip;
        this.gates = gates;
    }

    /** Declares an engine; values failing a gate on this chip are left out. */
    EngineTable engine(String engine, Set<String> types, Set<String> kv, Set<String> quantizations,
                       Set<String> attentionVariants, Capabilities.BlockSizeRule blockRule) {
        return engine(engine, types, kv, quantizations, attentionVariants, blockRule, true);
    }

    /** Declares an engine; {@code gated} false keeps every value (engines that emulate what is missing). */
    EngineTable engine(String engine, Set<String> types, Set<String> kv, Set<String> quantizations,
                       Set<String> attentionVariants, Capabilities.BlockSizeRule blockRule, boolean gated) {
        engines.add(engine);
        dataTypes.put(engine, gated ? filter("dtype", types) : Set.copyOf(types));
        kvTypes.put(engine, gated ? filter("kv", kv) : Set.copyOf(kv));
        quants.put(engine, gated ? filter("quant", quantizations) : Set.copyOf(quantizations));
        attention.put(engine, Set.copyOf(attentionVariants));
        blocks.put(engine, blockRule);
        return this;
    }

    /** Declares an engine's operator table: architectures and the operators missing on this chip. */
    EngineTable operators(String engine, List<String> architectures, Set<String> missing) {
        Set<String> ops = new LinkedHashSet<>(ALL_OPERATORS);
        ops.removeAll(missing);
        Map<String, Set<String>> byArch = new HashMap<>();
        for (String arch : architectures) {
            byArch.put(arch, Set.copyOf(ops));
        }
        operators.put(engine, Map.copyOf(byArch));
        return this;
    }

    Capabilities build(Capabilities.ParallelLimits limits) {
        return new Capabilities(engines, dataTypes, kvTypes, quants, attention, operators, blocks, limits);
    }

    private Set<String> filter(String field, Set<String> values) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : values) {
            if (Gate.allows(gates, field, v, chip)) {
                out.add(v);
            }
        }
        return out;
    }

    /** A block-size rule with an explicit allowed set. */
    static Capabilities.BlockSizeRule blocks(int defaultSize, Integer... allowed) {
        return new Capabilities.BlockSizeRule(defaultSize, 1, Set.of(allowed));
    }

    /** A block-size rule "any multiple of m". */
    static Capabilities.BlockSizeRule multipleOf(int defaultSize, int m) {
        return new Capabilities.BlockSizeRule(defaultSize, m, Set.of());
    }

    /** No paged KV cache (llama.cpp): any block size is ignored. */
    static Capabilities.BlockSizeRule noBlocks() {
        return new Capabilities.BlockSizeRule(0, 1, Set.of());
    }
}
