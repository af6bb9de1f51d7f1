package dev.adapthub.chips.validate;

import dev.adapthub.chips.catalog.ChipSpec;
import dev.adapthub.chips.config.InferenceConfig;
import dev.adapthub.chips.model.ModelArchitecture;
import dev.adapthub.chips.model.Quantization;
import dev.adapthub.chips.spi.Capabilities;
import dev.adapthub.chips.spi.Engines;

/** The engines' own defaults, with where each comes from. */
final class Defaults {

    /** vLLM {@code gpu_memory_utilization} default (vllm/engine/arg_utils.py). */
    static final double UTILIZATION = 0.9;
    /** vLLM V0 {@code max_num_seqs} default (vllm/engine/arg_utils.py, 0.6.x). */
    static final int V0_MAX_NUM_SEQS = 256;
    /** vLLM V0 {@code max_num_batched_tokens} floor without chunked prefill: max(max_model_len, 2048). */
    static final int V0_MIN_BATCHED_TOKENS = 2048;
    /** vLLM V0 turns chunked prefill on by itself above this max_model_len ("use_long_context"). */
    static final int V0_LONG_CONTEXT = 32 * 1024;
    /** vLLM V0 {@code max_num_batched_tokens} once chunked prefill is on (SchedulerConfig default). */
    static final int V0_CHUNKED_BATCHED_TOKENS = 512;
    /** vLLM V1 became the default engine in 0.8.0 (release notes). */
    static final int V1_MAJOR = 0;
    static final int V1_MINOR = 8;
    /** vLLM V1 API-server defaults by device memory (arg_utils._set_default_args): 70 GiB threshold. */
    static final double V1_LARGE_DEVICE_GIB = 70;
    static final int V1_BATCHED_TOKENS_LARGE = 8192;
    static final int V1_BATCHED_TOKENS_SMALL = 2048;
    static final int V1_MAX_NUM_SEQS_LARGE = 1024;
    static final int V1_MAX_NUM_SEQS_SMALL = 256;
    /** MindIE {@code maxPrefillTokens} default (MindIE Service config.json reference). */
    static final int MINDIE_PREFILL_TOKENS = 8192;
    /** MindIE {@code maxBatchSize} default. */
    static final int MINDIE_MAX_BATCH = 200;
    /** llama-server default slots ({@code --parallel}) when not given. */
    static final int LLAMA_CPP_SLOTS = 1;
    /** llama.cpp default physical batch ({@code --ubatch-size}). */
    static final int LLAMA_CPP_UBATCH = 512;

    private Defaults() {
    }

    static boolean isV1(String engine, EngineVersion v) {
        return !Engines.LLAMA_CPP.equals(engine) && v.atLeast(V1_MAJOR, V1_MINOR);
    }

    static int maxBatchedTokens(String engine, EngineVersion v, int maxModelLen, ChipSpec chip) {
        switch (engine) {
            case Engines.LLAMA_CPP -> {
                return LLAMA_CPP_UBATCH;
            }
            case Engines.MINDIE -> {
                return MINDIE_PREFILL_TOKENS;
            }
            default -> {
                if (isV1(engine, v)) {
                    return chip.memory().visibleGiB().value() >= V1_LARGE_DEVICE_GIB
                            ? V1_BATCHED_TOKENS_LARGE : V1_BATCHED_TOKENS_SMALL;
                }
                return maxModelLen > V0_LONG_CONTEXT ? V0_CHUNKED_BATCHED_TOKENS
                        : Math.max(maxModelLen, V0_MIN_BATCHED_TOKENS);
            }
        }
    }

    static int maxNumSeqs(String engine, EngineVersion v, ChipSpec chip) {
        return switch (engine) {
            case Engines.LLAMA_CPP -> LLAMA_CPP_SLOTS;
            case Engines.MINDIE -> MINDIE_MAX_BATCH;
            default -> !isV1(engine, v) ? V0_MAX_NUM_SEQS
                    : chip.memory().visibleGiB().value() >= V1_LARGE_DEVICE_GIB ? V1_MAX_NUM_SEQS_LARGE
                    : V1_MAX_NUM_SEQS_SMALL;
        };
    }

    /** Resolves every default of a config for one chip and engine. */
    static ResolvedConfig resolve(InferenceConfig c, ModelArchitecture m, ChipSpec chip, Capabilities caps) {
        String engine = c.engine().name();
        EngineVersion v = EngineVersion.parse(c.engine().version());
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
                : rule != null ? rule.defaultSize() : 16;
        if (Engines.LLAMA_CPP.equals(engine)) {
            blockSize = 0;
        }
        int maxModelLen = c.limits().maxModelLen() != null ? c.limits().maxModelLen() : m.maxPositionEmbeddings();
        int batched = c.limits().maxBatchedTokens() != null ? c.limits().maxBatchedTokens()
                : maxBatchedTokens(engine, v, maxModelLen, chip);
        int seqs = c.limits().maxNumSeqs() != null ? c.limits().maxNumSeqs() : maxNumSeqs(engine, v, chip);
        double util = c.memory().utilization() != null ? c.memory().utilization() : UTILIZATION;
        return new ResolvedConfig(c, m, chip, engine, v, weights, acts, kv, quant, blockSize,
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
