package dev.adapthub.chips.perf;

import dev.adapthub.chips.catalog.ChipFamily;
import dev.adapthub.chips.spi.Engines;

/**
 * The fractions of a chip's peak an engine really reaches, per chip family and engine. Each factor
 * is in (0, 1], so no estimate can beat the roofline.
 *
 * @param memoryBandwidth share of peak memory bandwidth a decode step streams at
 * @param compute         share of peak dense throughput (model FLOPs utilisation) of GEMM-heavy steps
 * @param link            share of the interconnect's per-direction bandwidth an all-reduce reaches
 * @param collectiveUs    fixed latency of one all-reduce, in microseconds
 */
public record Efficiency(double memoryBandwidth, double compute, double link, double collectiveUs) {

    /**
     * GPU decode streams weights at ~87% of peak bandwidth: gpt-fast measured Llama-2-7B fp16 batch 1 on
     * an RTX 4090 at 15.4 ms per token against a 13.4 ms roofline (13.48 GB / 1008 GB/s)
     * (pytorch-labs/gpt-fast README; "Accelerating Generative AI with PyTorch II: GPT, Fast").
     */
    static final double GPU_VLLM_DECODE_BANDWIDTH = 0.87;
    /**
     * vllm-ascend 0.7.3 on a 910B ran Qwen2.5-VL-7B (7.6B-parameter language model, 15.2 GB bf16) at
     * about 31 ms per token at low load against a 9.5 ms roofline at 1.6 TB/s: 0.31. Graph mode was
     * off by default in 0.7.3, so per-operator dispatch dominates (vllm-ascend issue reports, 2025).
     */
    static final double NPU_VLLM_ASCEND_DECODE_BANDWIDTH = 0.31;
    /**
     * Estimate: MindIE runs the model as a compiled graph (ATB operators), removing most of the
     * dispatch cost that holds vllm-ascend 0.7.3 at a third; Huawei's MindIE benchmark pages show
     * roughly 1.5-2x vllm-ascend 0.7.x decode speed on 7B models. 0.5 is the middle of that.
     */
    static final double NPU_MINDIE_DECODE_BANDWIDTH = 0.50;
    /**
     * Estimate: llama.cpp's CUDA backend reaches 70-80% of bandwidth on token generation for 7B
     * models on consumer GPUs (llama.cpp CUDA performance discussions, tg128 results); 0.75 kept.
     */
    static final double GPU_LLAMA_CPP_DECODE_BANDWIDTH = 0.75;
    /**
     * Estimate: llama.cpp on server CPUs reaches 50-70% of STREAM-class bandwidth on token
     * generation (llama.cpp CPU benchmark discussions); 0.6 kept.
     */
    static final double CPU_LLAMA_CPP_DECODE_BANDWIDTH = 0.60;
    /** Estimate: vLLM's CPU backend (IPEX/oneDNN) is less tuned for batch-1 decode than llama.cpp. */
    static final double CPU_VLLM_DECODE_BANDWIDTH = 0.45;

    /**
     * Estimate: prefill GEMMs at thousands of tokens reach 60-75% of tensor peak in cuBLAS; attention
     * and the non-GEMM operators bring a whole forward pass to about half (vLLM/SGLang prefill
     * benchmarks report 40-60% MFU on A100/H100).
     */
    static final double GPU_COMPUTE = 0.55;
    /** Estimate: Ascend cube units at large GEMMs reach ~60% in public MindSpeed/MindIE figures; a pass ~0.45. */
    static final double NPU_COMPUTE = 0.45;
    /** Estimate: AMX/AVX-512 GEMMs in oneDNN and llama.cpp reach about a third of the nominal peak. */
    static final double CPU_COMPUTE = 0.30;

    /**
     * nccl-tests all-reduce bus bandwidth on A100 NVLink reaches ~230 of 300 GB/s per direction
     * (NVIDIA nccl-tests performance notes): 0.75; used for every link for lack of per-link figures.
     */
    static final double LINK = 0.75;
    /** Estimate: small-message all-reduce latency with vLLM's custom all-reduce / NCCL on one node. */
    static final double GPU_COLLECTIVE_US = 8;
    /** Estimate: HCCL small-message all-reduce latency over HCCS is a few times NCCL's. */
    static final double NPU_COLLECTIVE_US = 20;
    /** Estimate: shared-memory or socket collectives between CPU processes. */
    static final double CPU_COLLECTIVE_US = 30;

    public Efficiency {
        if (!(memoryBandwidth > 0 && memoryBandwidth <= 1 && compute > 0 && compute <= 1 && link > 0 && link <= 1)) {
            throw new IllegalArgumentException("efficiencies must be in (0, 1]: " + this);
        }
    }

    /** The factors for an engine on a chip family (an unknown engine gets the family's vLLM figures). */
    public static Efficiency of(ChipFamily family, String engine) {
        return switch (family) {
            case NPU -> new Efficiency(Engines.MINDIE.equals(engine) ? NPU_MINDIE_DECODE_BANDWIDTH
                    : NPU_VLLM_ASCEND_DECODE_BANDWIDTH, NPU_COMPUTE, LINK, NPU_COLLECTIVE_US);
            case GPGPU -> new Efficiency(Engines.LLAMA_CPP.equals(engine) ? GPU_LLAMA_CPP_DECODE_BANDWIDTH
                    : GPU_VLLM_DECODE_BANDWIDTH, GPU_COMPUTE, LINK, GPU_COLLECTIVE_US);
            case CPU -> new Efficiency(Engines.LLAMA_CPP.equals(engine) ? CPU_LLAMA_CPP_DECODE_BANDWIDTH
                    : CPU_VLLM_DECODE_BANDWIDTH, CPU_COMPUTE, LINK, CPU_COLLECTIVE_US);
        };
    }
}
