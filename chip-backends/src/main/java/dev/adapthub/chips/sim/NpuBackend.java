package dev.adapthub.chips.sim;

import static dev.adapthub.chips.sim.EngineTable.ALL_ARCHITECTURES;

import dev.adapthub.chips.catalog.ChipSpec;
import dev.adapthub.chips.model.Operators;
import dev.adapthub.chips.spi.Capabilities;
import dev.adapthub.chips.spi.Engines;
import dev.adapthub.chips.spi.ReasonCode;
import dev.adapthub.chips.spi.Refusal;
import dev.adapthub.chips.spi.SupportAnswer;
import dev.adapthub.chips.spi.SupportQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Simulated NPU backend. Ascend chips follow vllm-ascend and MindIE: KV blocks in multiples of
 * 128 (vllm-ascend's default block size is 128), no fp8 on the 910B (int8 w8a8 from msModelSlim
 * instead), fp16 only on the 310P (no bf16), no MLA kernels on the 310P. Other NPUs (e.g.
 * Cambricon MLU) get a generic vendor-vLLM-fork table driven by their catalog data types.
 */
final class NpuBackend implements RooflineBackend {

    /** vllm-ascend: block_size must be a multiple of 128 on Ascend (its attention kernels tile by 128). */
    static final int ASCEND_BLOCK_MULTIPLE = 128;
    /** vllm-ascend and MindIE default KV block size. */
    static final int ASCEND_DEFAULT_BLOCK = 128;

    private static final List<Gate> ASCEND_GATES = List.of(
            new Gate("dtype", "fp8-e4m3", c -> !is910b(c) && SimulatedProvider.hasFp8(c, "fp8-e4m3"),
                    ReasonCode.DTYPE_UNSUPPORTED, "the Ascend 910B has no fp8 hardware",
                    "quantize to w8a8 (int8) with msModelSlim, or use bf16"),
            new Gate("quant", "fp8", c -> !is910b(c) && SimulatedProvider.hasFp8(c, "fp8-e4m3"),
                    ReasonCode.QUANTIZATION_UNSUPPORTED, "the Ascend 910B has no fp8 hardware, fp8 checkpoints do not run",
                    "quantize to w8a8 (int8) with msModelSlim, or use the bf16 checkpoint"),
            new Gate("dtype", "bf16", c -> !is310p(c) && c.hasDataType("bf16"), ReasonCode.DTYPE_UNSUPPORTED,
                    "the Ascend 310P computes fp16 only (no bf16)", "use fp16 for weights, activations and KV cache"),
            new Gate("kv", "bf16", c -> !is310p(c) && c.hasDataType("bf16"), ReasonCode.KV_CACHE_DTYPE_UNSUPPORTED,
                    "the Ascend 310P has no bf16: the KV cache must be fp16", "use kvCache: fp16"),
            SimulatedProvider.hardware("dtype", "fp8-e5m2"));

    @Override
    public Capabilities capabilities(ChipSpec chip) {
        return isAscend(chip) ? ascend(chip) : generic(chip);
    }

    @Override
    public SupportAnswer assess(SupportQuery q) {
        List<Refusal> refusals = new ArrayList<>(Gate.explain(gates(q.chip()), q, RooflineBackend.super.assess(q).refusals()));
        if (is310p(q.chip()) && Engines.VLLM_ASCEND.equals(q.engine())) {
            refusals.add(Refusal.caveat(ReasonCode.OTHER, "engine.name",
                    "vllm-ascend support for the 310P is experimental", "prefer MindIE on the 310P"));
        }
        return new SupportAnswer(refusals);
    }

    private Capabilities ascend(ChipSpec chip) {
        EngineTable t = new EngineTable(chip, gates(chip));
        Set<String> types = Set.of("fp32", "fp16", "bf16", "int8", "fp8-e4m3");
        Set<String> attention = is310p(chip) ? Set.of("mha", "gqa", "mqa", "sliding-window")
                : Set.of("mha", "gqa", "mqa", "mla", "sliding-window");
        Capabilities.BlockSizeRule ascendBlocks = EngineTable.multipleOf(ASCEND_DEFAULT_BLOCK, ASCEND_BLOCK_MULTIPLE);
        t.engine(Engines.VLLM_ASCEND, types, Set.of("fp16", "bf16"), Set.of("none", "w8a8", "fp8"), attention,
                ascendBlocks);
        t.engine(Engines.MINDIE, types, Set.of("fp16", "bf16", "int8"), Set.of("none", "w8a8", "w8a16", "w4a16", "fp8"),
                attention, ascendBlocks);
        // LMDeploy's PyTorch engine on Ascend through dlinfer (LMDeploy "supported models on Ascend"
        // list): bf16/fp16 and w8a8 from msModelSlim, 128-token blocks like the other Ascend engines
        t.engine(Engines.LMDEPLOY, types, Set.of("fp16", "bf16"), Set.of("none", "w8a8"), attention, ascendBlocks);
        // SGLang's Ascend backend (sglang docs "Ascend NPUs"): bf16 and w8a8
        t.engine(Engines.SGLANG, types, Set.of("fp16", "bf16"), Set.of("none", "w8a8"), attention, ascendBlocks);
        // llama.cpp's CANN backend: fp16 and the Q8_0 / Q4_0 GGUF types only
        t.engine(Engines.LLAMA_CPP, Set.of("fp32", "fp16"), Set.of("fp16"), Set.of("none", "f16", "q8_0", "q4_0"),
                Set.of("mha", "gqa", "mqa"), EngineTable.noBlocks());
        // No logit soft-capping in the Ascend attention operators: Gemma 2 does not run
        List<String> noGemma2 = ALL_ARCHITECTURES.stream().filter(a -> !a.equals("gemma2")).toList();
        Set<String> missing = is310p(chip) ? Set.of(Operators.SOFTCAP, Operators.MLA_ATTENTION) : Set.of(Operators.SOFTCAP);
        t.operators(Engines.VLLM_ASCEND, noGemma2, missing);
        // MindIE's model zoo: Llama, Qwen and DeepSeek families and Mixtral (no Gemma 2, no Phi-3)
        t.operators(Engines.MINDIE, noGemma2.stream().filter(a -> !a.equals("phi3")).toList(), missing);
        t.operators(Engines.LMDEPLOY, noGemma2, missing);
        t.operators(Engines.SGLANG, noGemma2, missing);
        // llama.cpp's CANN backend lacks MoE and MLA kernels
        t.operators(Engines.LLAMA_CPP, List.of("llama", "mistral", "qwen2", "qwen3", "phi3"), Set.of(
                Operators.FUSED_MOE, Operators.MLA_ATTENTION, Operators.SOFTCAP));
        return t.build(limits(chip));
    }

    private Capabilities generic(ChipSpec chip) {
        EngineTable t = new EngineTable(chip, gates(chip));
        t.engine(Engines.VLLM, Set.of("fp32", "fp16", "bf16", "int8"), Set.of("fp16", "bf16"), Set.of("none", "w8a8"),
                Set.of("mha", "gqa", "mqa", "sliding-window"), EngineTable.blocks(16, 16, 32, 64));
        t.operators(Engines.VLLM, ALL_ARCHITECTURES.stream().filter(a -> !a.startsWith("deepseek")
                && !a.equals("gemma2")).toList(), Set.of(Operators.SOFTCAP, Operators.MLA_ATTENTION));
        return t.build(limits(chip));
    }

    private static Capabilities.ParallelLimits limits(ChipSpec chip) {
        int node = chip.devicesPerNodeOrOne();
        return new Capabilities.ParallelLimits(node, 64, node);
    }

    private static List<Gate> gates(ChipSpec chip) {
        List<Gate> gates = new ArrayList<>(ASCEND_GATES);
        gates.add(SimulatedProvider.hardware("dtype", "bf16"));
        gates.add(new Gate("dtype", "fp8-e4m3", c -> SimulatedProvider.hasFp8(c, "fp8-e4m3"),
                ReasonCode.DTYPE_UNSUPPORTED, "the chip has no fp8 hardware", "use bf16/fp16 or int8 (w8a8)"));
        return gates;
    }

    static boolean isAscend(ChipSpec chip) {
        return chip.id().startsWith("ascend-") || (chip.arch().socVersion() != null
                && chip.arch().socVersion().toLowerCase(Locale.ROOT).startsWith("ascend"));
    }

    static boolean is910b(ChipSpec chip) {
        String soc = chip.arch().socVersion() == null ? "" : chip.arch().socVersion().toLowerCase(Locale.ROOT);
        return chip.id().startsWith("ascend-910b") || soc.startsWith("ascend910b");
    }

    static boolean is310p(ChipSpec chip) {
        String soc = chip.arch().socVersion() == null ? "" : chip.arch().socVersion().toLowerCase(Locale.ROOT);
        return chip.id().startsWith("ascend-310p") || soc.startsWith("ascend310p");
    }
}
