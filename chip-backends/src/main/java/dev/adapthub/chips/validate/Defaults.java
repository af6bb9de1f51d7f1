package dev.adapthub.chips.validate;

import dev.adapthub.chips.catalog.ChipSpec;
import dev.adapthub.chips.catalog.EngineCatalog;
import dev.adapthub.chips.catalog.EngineProfile;
import dev.adapthub.chips.config.InferenceConfig;
import dev.adapthub.chips.model.ModelArchitecture;
import dev.adapthub.chips.model.Quantization;
import dev.adapthub.chips.spi.Capabilities;
import dev.adapthub.chips.spi.Engines;

/**
 * The engines' own defaults. The numbers live in the engine profiles
 * ({@code catalog/engines/*.yaml}, one range per engine version, each figure with its source);
 * this class applies their rules.
 */
final class Defaults {

    /** Used only when an engine profile lacks a figure (vLLM's {@code gpu_memory_utilization} default). */
    static final double UTILIZATION = 0.9;
    /** Fallback of the V0 prefill-budget floor: max(max_model_len, 2048). */
    static final int MIN_BATCHED_TOKENS = 2048;

    private Defaults() {
    }

    /** The profile of a config's engine version; the newest profile when the engine has none (cannot happen for schema-valid configs). */
    static EngineCatalog.Match match(InferenceConfig c) {
        return EngineCatalog.builtIn().match(c.engine().name(), c.engine().version())
                .or(() -> EngineCatalog.builtIn().match(Engines.VLLM, c.engine().version()))
                .orElseThrow(() -> new IllegalStateException("no engine profile for vllm"));
    }

    /** The per-step token budget the engine picks when the config sets none (the profile run's batch for vLLM). */
    static int maxBatchedTokens(EngineProfile p, int maxModelLen, ChipSpec chip) {
        return switch (p.prefillRule()) {
            case FIXED -> (int) p.number(EngineProfile.BATCHED_TOKENS, MIN_BATCHED_TOKENS);
            case BY_DEVICE -> (int) (largeDevice(p, chip) ? p.number(EngineProfile.BATCHED_TOKENS_LARGE, 8192)
                    : p.number(EngineProfile.BATCHED_TOKENS, MIN_BATCHED_TOKENS));
            case MODEL_LEN -> {
                double chunkedAbove = p.number(EngineProfile.CHUNKED_ABOVE, Double.POSITIVE_INFINITY);
                yield maxModelLen > chunkedAbove ? (int) p.number(EngineProfile.CHUNKED_BATCHED_TOKENS, 512)
                        : Math.max(maxModelLen, (int) p.number(EngineProfile.MIN_BATCHED_TOKENS, MIN_BATCHED_TOKENS));
            }
        };
    }

    /** Whether the engine switches to chunked prefill by itself once maxModelLen passes a threshold (vLLM V0 above 32K). */
    static boolean chunksLongContexts(EngineProfile p) {
        return p.prefillRule() == EngineProfile.PrefillRule.MODEL_LEN && p.figure(EngineProfile.CHUNKED_ABOVE).isPresent();
    }

    static int maxNumSeqs(EngineProfile p, ChipSpec chip) {
        if (p.prefillRule() == EngineProfile.PrefillRule.BY_DEVICE && largeDevice(p, chip)) {
            return (int) p.number(EngineProfile.MAX_NUM_SEQS_LARGE, p.number(EngineProfile.MAX_NUM_SEQS, 256));
        }
        return (int) p.number(EngineProfile.MAX_NUM_SEQS, 256);
    }

    private static boolean largeDevice(EngineProfile p, ChipSpec chip) {
        return chip.memory().visibleGiB().value() >= p.number(EngineProfile.LARGE_DEVICE_GIB, Double.POSITIVE_INFINITY);
    }

    /** Resolves every default of a config for one chip and engine. */
    static ResolvedConfig resolve(InferenceConfig c, ModelArchitecture m, ChipSpec chip, Capabilities caps) {
        String engine = c.engine().name();
        EngineCatalog.Match match = match(c);
        EngineProfile profile = match.profile();
        Quantization q = m.quantization();
        String quant = c.quantization() != null ? c.quantization() : q != null ? q.method() : "none";
        String sixteen = sixteenBit(m, engine);
        String weights = explicit(c.precision().weights());
        if (weights == null) {
            weights = !"none".equals(quant) && q != null ? q.weightType() : quantWeightType(quant, sixteen);
        }
        String acts = explicit(c.precision().activations());
        if (acts == null && "w8a8".equals(quant)) {
            acts = "int8"; // W8A8: activations are quantized to int8 per token at run time
        }
        if (acts == null) {
            acts = weights.equals("fp32") || weights.equals("fp16") || weights.equals("bf16") ? weights : sixteen;
        }
        String kv = explicit(c.precision().kvCache());
        if (kv == null) {
            kv = acts.startsWith("fp8") || acts.startsWith("int") ? sixteen : acts;
        }
        Capabilities.BlockSizeRule rule = caps == null ? null : caps.blockSizes().get(engine);
        int blockSize = c.limits().blockSize() != null ? c.limits().blockSize()
                : rule != null ? rule.defaultSize() : (int) profile.number(EngineProfile.BLOCK_SIZE, 16);
        if (profile.memoryRule() == EngineProfile.MemoryRule.WHOLE_CONTEXT) {
            blockSize = 0;
        }
        int maxModelLen = c.limits().maxModelLen() != null ? c.limits().maxModelLen() : m.maxPositionEmbeddings();
        int batched = c.limits().maxBatchedTokens() != null ? c.limits().maxBatchedTokens()
                : maxBatchedTokens(profile, maxModelLen, chip);
        int seqs = c.limits().maxNumSeqs() != null ? c.limits().maxNumSeqs() : maxNumSeqs(profile, chip);
        double util = c.memory().utilization() != null ? c.memory().utilization()
                : profile.number(EngineProfile.UTILIZATION, UTILIZATION);
        return new ResolvedConfig(c, m, chip, engine, match, weights, acts, kv, quant, blockSize,
                c.parallel().tensorOrOne(), c.parallel().pipelineOrOne(), c.parallel().expertOrOne(),
                maxModelLen, seqs, batched, util);
    }

    /**
     * The 16-bit type "auto" picks: the checkpoint's, except that fp32 checkpoints are served in
     * fp16 (vLLM's {@code --dtype auto}), and Gemma 2 in bf16 (vLLM forces bf16: fp16 overflows it).
     */
    private static String sixteenBit(ModelArchitecture m, String engine) {
        if (!"fp32".equals(m.dtype())) {
            return m.dtype();
        }
        return "gemma2".equals(m.modelType()) && !Engines.LLAMA_CPP.equals(engine) ? "bf16" : "fp16";
    }

    private static String quantWeightType(String quant, String sixteen) {
        return switch (quant) {
            case "gptq", "awq", "w4a16", "q4_0", "q4_k_m", "q5_k_m" -> "int4";
            case "w8a8", "w8a16", "q8_0", "q6_k" -> "int8";
            case "fp8" -> "fp8-e4m3";
            default -> sixteen;
        };
    }

    private static String explicit(String value) {
        return value == null || "auto".equals(value) ? null : DataTypes.normalize(value);
    }
}
