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
import java.util.Set;

/**
 * Simulated CPU backend: llama.cpp everywhere, vLLM's CPU backend with instruction-set gates.
 * bf16 needs AVX512-BF16 or AMX-BF16 on x86, or the BF16 extension on Arm; fp16 needs
 * AVX512-FP16 on x86 or Arm's half-precision SIMD; int8 W8A8 (oneDNN) needs AVX-512.
 */
final class CpuBackend implements RooflineBackend {

    private static final List<Gate> ISA_GATES = List.of(
            isa("dtype", "bf16", "bf16 needs AVX512-BF16 or AMX-BF16 (x86) or the Arm BF16 extension",
                    "use fp32, or llama.cpp with a GGUF quantization", "avx512_bf16", "amx_bf16", "bf16"),
            isa("kv", "bf16", "a bf16 KV cache needs AVX512-BF16 or AMX-BF16 (x86) or the Arm BF16 extension",
                    "use fp32 or fp16", "avx512_bf16", "amx_bf16", "bf16"),
            isa("dtype", "fp16", "fp16 compute needs AVX512-FP16 (x86) or Arm half-precision SIMD",
                    "use bf16 or fp32", "avx512_fp16", "asimdhp", "fphp", "fp16"),
            isa("quant", "w8a8", "int8 W8A8 on vLLM's CPU backend needs AVX-512", "use llama.cpp q8_0",
                    "avx512f"));

    @Override
    public Capabilities capabilities(ChipSpec chip) {
        EngineTable t = new EngineTable(chip, ISA_GATES);
        t.engine(Engines.VLLM, Set.of("fp32", "bf16", "fp16"), Set.of("fp32", "bf16", "fp16", "fp8-e5m2"),
                Set.of("none", "w8a8", "awq", "gptq"), Set.of("mha", "gqa", "mqa", "sliding-window", "logit-softcap"),
                EngineTable.multipleOf(16, 16));
        t.operators(Engines.VLLM, ALL_ARCHITECTURES.stream().filter(a -> !a.startsWith("deepseek")).toList(),
                Set.of(Operators.MLA_ATTENTION));
        // llama.cpp converts to its own types, so 16-bit checkpoints run on any CPU (bf16 emulated when needed)
        t.engine(Engines.LLAMA_CPP, Set.of("fp32", "fp16", "bf16"), Set.of("fp32", "fp16", "bf16", "int8"),
                GGUF_TYPES, Set.of("mha", "gqa", "mqa", "mla", "sliding-window", "logit-softcap"),
                EngineTable.noBlocks(), false);
        t.operators(Engines.LLAMA_CPP, ALL_ARCHITECTURES, Set.of());
        return t.build(limits(chip));
    }

    @Override
    public SupportAnswer assess(SupportQuery q) {
        List<Refusal> refusals = new ArrayList<>(Gate.explain(ISA_GATES, q, RooflineBackend.super.assess(q).refusals()));
        if (Engines.LLAMA_CPP.equals(q.engine()) && "bf16".equals(q.activationType())
                && !Gate.allows(ISA_GATES, "dtype", "bf16", q.chip())) {
            refusals.add(Refusal.caveat(ReasonCode.ISA_MISSING, "precision.activations",
                    "no bf16 instructions: llama.cpp emulates bf16 in fp32, which is slower", "use a GGUF quantization"));
        }
        if (Engines.LLAMA_CPP.equals(q.engine()) && q.tensorParallel() > 1) {
            refusals.add(Refusal.of(ReasonCode.PARALLELISM_UNSUPPORTED, "parallel.tensor",
                    "llama.cpp on CPU has no tensor parallelism", "use parallel.tensor: 1"));
        }
        return new SupportAnswer(refusals);
    }

    /** Sockets act as devices for vLLM's CPU tensor parallelism. */
    private static Capabilities.ParallelLimits limits(ChipSpec chip) {
        int node = chip.devicesPerNodeOrOne();
        return new Capabilities.ParallelLimits(node, node, 1);
    }

    private static Gate isa(String field, String value, String why, String hint, String... extensions) {
        return new Gate(field, value, c -> {
            for (String e : extensions) {
                if (c.arch().hasIsa(e)) {
                    return true;
                }
            }
            return false;
        }, ReasonCode.ISA_MISSING, why, hint);
    }
}
