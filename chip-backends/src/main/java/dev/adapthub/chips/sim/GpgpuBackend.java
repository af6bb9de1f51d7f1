package dev.adapthub.chips.sim;

import static dev.adapthub.chips.sim.EngineTable.ALL_ARCHITECTURES;
import static dev.adapthub.chips.sim.EngineTable.GGUF_TYPES;

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
 * Simulated GPGPU backend. NVIDIA rules follow vLLM's kernel requirements by compute capability;
 * AMD Instinct follows vLLM on ROCm (fp8 as e4m3fnuz on gfx94x); the Chinese GPGPUs (Hygon,
 * MetaX, Moore Threads, Iluvatar, ...) reuse the rules with their own engine and type tables.
 */
final class GpgpuBackend implements RooflineBackend {

    /** vLLM requires compute capability 7.0+ (vLLM installation docs, "GPU: compute capability 7.0 or higher"). */
    private static final int VLLM_MIN_SM = 70;
    /** bf16 tensor cores arrived with Ampere (sm80). */
    private static final int BF16_MIN_SM = 80;
    /** fp8 tensor cores: Ada (sm89) and Hopper (sm90); vLLM's fp8 W8A8 CUTLASS kernels need sm89+. */
    private static final int FP8_MIN_SM = 89;
    /** vLLM int8 W8A8 (CUTLASS scaled_mm) needs sm75+; AWQ kernels need sm75+ as well. */
    private static final int INT8_MIN_SM = 75;
    /** Marlin kernels (fp8 weight-only, w4a16/w8a16 compressed-tensors) need sm80+. */
    private static final int MARLIN_MIN_SM = 80;

    private static final List<Gate> NVIDIA_GATES = List.of(
            sm("dtype", "bf16", BF16_MIN_SM, "bf16 needs compute capability 8.0+", "use fp16"),
            sm("dtype", "fp8-e4m3", FP8_MIN_SM, "fp8 (W8A8) needs compute capability 8.9+ (Ada/Hopper)",
                    "use fp16/bf16 activations; on Ampere vLLM runs fp8 checkpoints weight-only (Marlin)"),
            sm("dtype", "fp8-e5m2", FP8_MIN_SM, "fp8 needs compute capability 8.9+", "use fp16/bf16"),
            sm("dtype", "int8", INT8_MIN_SM, "int8 W8A8 needs compute capability 7.5+", "use fp16 weights"),
            sm("kv", "bf16", BF16_MIN_SM, "a bf16 KV cache needs compute capability 8.0+", "use fp16"),
            sm("quant", "fp8", MARLIN_MIN_SM, "fp8 checkpoints need compute capability 8.0+ (Marlin) or 8.9+",
                    "use gptq/awq or fp16 weights"),
            sm("quant", "awq", INT8_MIN_SM, "AWQ kernels need compute capability 7.5+", "use gptq"),
            sm("quant", "w8a8", INT8_MIN_SM, "int8 W8A8 needs compute capability 7.5+", "use gptq"),
            sm("quant", "w4a16", MARLIN_MIN_SM, "w4a16 (Marlin) needs compute capability 8.0+", "use gptq"),
            sm("quant", "w8a16", MARLIN_MIN_SM, "w8a16 (Marlin) needs compute capability 8.0+", "use gptq"));

    private static final Set<String> GPU_TYPES = Set.of("fp32", "fp16", "bf16", "fp8-e4m3", "fp8-e5m2", "int8");
    private static final Set<String> VLLM_QUANTS = Set.of("none", "gptq", "awq", "fp8", "w8a8", "w4a16", "w8a16");
    private static final Set<String> ATTENTION_ALL = Set.of("mha", "gqa", "mqa", "mla", "sliding-window",
            "logit-softcap");

    @Override
    public Capabilities capabilities(ChipSpec chip) {
        String vendor = chip.vendor().toLowerCase(Locale.ROOT);
        if (vendor.contains("nvidia")) {
            return nvidia(chip);
        }
        if (vendor.contains("amd")) {
            return amd(chip);
        }
        return cudaLike(chip, vendor);
    }

    @Override
    public SupportAnswer assess(SupportQuery q) {
        List<Refusal> refusals = new ArrayList<>(Gate.explain(gates(q.chip()), q,
                RooflineBackend.super.assess(q).refusals()));
        boolean nvidia = q.chip().vendor().toLowerCase(Locale.ROOT).contains("nvidia");
        int sm = q.chip().arch().smVersion();
        if (nvidia && Engines.VLLM.equals(q.engine()) && sm > 0 && sm < VLLM_MIN_SM) {
            refusals.add(0, Refusal.of(ReasonCode.COMPUTE_CAPABILITY_TOO_LOW, "engine.name",
                    "vLLM needs compute capability 7.0+, " + q.chip().id() + " has " + q.chip().arch().computeCapability(),
                    "use llama.cpp"));
        }
        if (nvidia && "fp8".equals(q.quantization()) && sm >= MARLIN_MIN_SM && sm < FP8_MIN_SM) {
            refusals.add(Refusal.caveat(ReasonCode.COMPUTE_CAPABILITY_TOO_LOW, "quantization",
                    "no fp8 tensor cores: vLLM runs this fp8 checkpoint weight-only (FP8 Marlin, W8A16)",
                    "expect fp16 compute speed; weights still take 1 byte each"));
        }
        if (q.chip().hasDataType("fp8-e4m3fnuz") && (q.activationType().equals("fp8-e4m3")
                || q.kvCacheType().equals("fp8-e4m3") || "fp8".equals(q.quantization()))) {
            refusals.add(Refusal.caveat(ReasonCode.OTHER, "precision",
                    "this chip computes fp8 as e4m3fnuz: vLLM converts OCP e4m3fn weights and scales on load",
                    "results match e4m3fn up to the halved scale; no action needed"));
        }
        if (!q.chip().vendor().toLowerCase(Locale.ROOT).matches(".*(nvidia|amd).*")
                && Engines.VLLM.equals(q.engine())) {
            refusals.add(Refusal.caveat(ReasonCode.OTHER, "engine.name",
                    "runs on the vendor's vLLM fork, not upstream vLLM", "pin the fork's version in engine.version"));
        }
        return new SupportAnswer(refusals);
    }

    private Capabilities nvidia(ChipSpec chip) {
        EngineTable t = new EngineTable(chip, gates(chip));
        if (chip.arch().smVersion() < 0 || chip.arch().smVersion() >= VLLM_MIN_SM) {
            t.engine(Engines.VLLM, GPU_TYPES, Set.of("fp32", "fp16", "bf16", "fp8-e4m3", "fp8-e5m2"), VLLM_QUANTS,
                    ATTENTION_ALL, EngineTable.blocks(16, 1, 8, 16, 32, 64, 128));
            t.operators(Engines.VLLM, ALL_ARCHITECTURES, Set.of());
            servingEngines(t, Set.of("none", "gptq", "awq", "fp8", "w8a8"));
        }
        llamaCpp(t);
        return t.build(limits(chip));
    }

    /**
     * SGLang and LMDeploy on NVIDIA (sm70+) and AMD: the 16-bit types, fp8 where the hardware has it,
     * GPTQ/AWQ and int8 W8A8 (SGLang and LMDeploy supported-quantization docs); paged KV with SGLang's
     * token-granular pages (page size 1) and LMDeploy's 64-token blocks.
     */
    private static void servingEngines(EngineTable t, Set<String> quants) {
        Set<String> types = Set.of("fp32", "fp16", "bf16", "fp8-e4m3", "fp8-e4m3fnuz", "int8");
        Set<String> attention = Set.of("mha", "gqa", "mqa", "mla", "sliding-window", "logit-softcap");
        t.engine(Engines.SGLANG, types, Set.of("fp16", "bf16", "fp8-e4m3", "fp8-e5m2"), quants, attention,
                EngineTable.blocks(1, 1, 16, 32, 64));
        t.operators(Engines.SGLANG, ALL_ARCHITECTURES, Set.of());
        t.engine(Engines.LMDEPLOY, types, Set.of("fp16", "bf16", "int8"), Set.of("none", "gptq", "awq", "w8a8"),
                attention, EngineTable.blocks(64, 16, 32, 64, 128));
        t.operators(Engines.LMDEPLOY, ALL_ARCHITECTURES, Set.of());
    }

    private Capabilities amd(ChipSpec chip) {
        EngineTable t = new EngineTable(chip, gates(chip));
        Set<String> types = Set.of("fp32", "fp16", "bf16", "fp8-e4m3", "fp8-e4m3fnuz", "int8");
        // vLLM on ROCm: AWQ runs through Triton kernels, no Marlin (so no w4a16/w8a16)
        t.engine(Engines.VLLM, types, Set.of("fp16", "bf16", "fp8-e4m3", "fp8-e4m3fnuz"),
                Set.of("none", "gptq", "awq", "fp8", "w8a8"), ATTENTION_ALL, EngineTable.blocks(16, 1, 16, 32, 64, 128));
        t.operators(Engines.VLLM, ALL_ARCHITECTURES, Set.of());
        servingEngines(t, Set.of("none", "gptq", "awq", "fp8", "w8a8"));
        llamaCpp(t);
        return t.build(limits(chip));
    }

    private Capabilities cudaLike(ChipSpec chip, String vendor) {
        EngineTable t = new EngineTable(chip, gates(chip));
        // Vendor vLLM forks (estimate from the forks' published support lists): plain 16-bit, GPTQ/AWQ
        // and int8 W8A8; no fp8 unless the catalog lists fp8 hardware.
        t.engine(Engines.VLLM, GPU_TYPES, Set.of("fp16", "bf16"), Set.of("none", "gptq", "awq", "w8a8"),
                Set.of("mha", "gqa", "mqa", "mla", "sliding-window"), EngineTable.blocks(16, 16, 32, 64));
        t.operators(Engines.VLLM, ALL_ARCHITECTURES.stream().filter(a -> !a.equals("gemma2")).toList(),
                Set.of(Operators.SOFTCAP));
        boolean llamaCppBackend = vendor.contains("moore") || vendor.contains("hygon");
        if (llamaCppBackend) {
            llamaCpp(t); // llama.cpp has MUSA (Moore Threads) and HIP (Hygon DCU) backends upstream
        }
        return t.build(limits(chip));
    }

    private static void llamaCpp(EngineTable t) {
        t.engine(Engines.LLAMA_CPP, Set.of("fp32", "fp16", "bf16"), Set.of("fp32", "fp16", "bf16", "int8"),
                GGUF_TYPES, Set.of("mha", "gqa", "mqa", "mla", "sliding-window", "logit-softcap"),
                EngineTable.noBlocks(), false);
        t.operators(Engines.LLAMA_CPP, ALL_ARCHITECTURES, Set.of());
    }

    private static Capabilities.ParallelLimits limits(ChipSpec chip) {
        int node = chip.devicesPerNodeOrOne();
        return new Capabilities.ParallelLimits(node, 64, node);
    }

    private static List<Gate> gates(ChipSpec chip) {
        List<Gate> gates = new ArrayList<>();
        if (chip.vendor().toLowerCase(Locale.ROOT).contains("nvidia")) {
            gates.addAll(NVIDIA_GATES);
        }
        gates.add(SimulatedProvider.hardware("dtype", "bf16"));
        gates.add(SimulatedProvider.hardware("dtype", "fp8-e4m3fnuz"));
        gates.add(new Gate("dtype", "fp8-e4m3", c -> SimulatedProvider.hasFp8(c, "fp8-e4m3")
                || c.hasDataType("fp8-e4m3fnuz"), ReasonCode.DTYPE_UNSUPPORTED,
                "the chip has no fp8 hardware (not in its catalog dataTypes)", "use bf16/fp16 or int8 (w8a8)"));
        gates.add(new Gate("dtype", "fp8-e5m2", c -> SimulatedProvider.hasFp8(c, "fp8-e5m2"),
                ReasonCode.DTYPE_UNSUPPORTED, "the chip has no fp8 e5m2 hardware", "use bf16/fp16"));
        return gates;
    }

    private static Gate sm(String field, String value, int minSm, String why, String hint) {
        return new Gate(field, value, c -> c.arch().smVersion() < 0 || c.arch().smVersion() >= minSm,
                ReasonCode.COMPUTE_CAPABILITY_TOO_LOW, why, hint);
    }
}
