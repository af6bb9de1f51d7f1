package dev.adapthub.chips.validate;

import dev.adapthub.chips.catalog.ChipFamily;
import dev.adapthub.chips.spi.Engines;
import dev.adapthub.chips.spi.MemoryPlan;

/**
 * The per-device memory plan, modelled on each engine's own sizing.
 *
 * <p>vLLM (and vllm-ascend, which reuses vLLM's worker logic; MindIE is approximated the same
 * way with its own defaults): budget = visible memory × utilization; KV cache = budget − weights
 * − activation peak of the profile run − non-torch memory (runtime context, communication
 * buffers, growing with tensor parallelism); blocks = floor(KV / (blockSize × bytes per token))
 * (vllm/worker/worker.py {@code determine_num_available_blocks}, V1
 * {@code gpu_worker.determine_available_memory} + {@code kv_cache_utils}).
 *
 * <p>llama.cpp allocates the whole context up front: weights + KV for
 * n_ctx = maxModelLen × slots + a compute buffer must fit into the device.
 *
 * <p>vLLM's CPU backend sizes the KV cache by {@code VLLM_CPU_KVCACHE_SPACE}, not utilization.
 */
final class MemoryPlanner {

    private static final long GIB = 1024L * 1024 * 1024;
    private static final long MIB = 1024L * 1024;

    /** Non-torch memory of one vLLM GPU process: 0.35 GiB measured on an RTX 3090 with vLLM 0.6.4 (vllm-project/vllm#10517, "non_torch_memory=0.35GiB"). */
    static final long GPU_NON_TORCH = (long) (0.35 * GIB);
    /** Extra non-torch memory per device once TP > 1 (NCCL communicators, custom all-reduce buffers): 3.58 − 1.79 GiB measured for TP2 vs TP1 on H100 (vllm-project/vllm#10511). */
    static final long GPU_TP_COMM = (long) (1.79 * GIB);
    /** Each further peer adds NCCL channel buffers. Estimate: NCCL_BUFFSIZE default 4 MiB × 16 channels × 2 directions. */
    static final long GPU_TP_PER_EXTRA_PEER = 4 * MIB * 16 * 2;
    /** Non-torch memory of one NPU process (CANN runtime, workspace). Estimate: no public measurement found; 1 GiB taken as conservative. */
    static final long NPU_NON_TORCH = GIB;
    /** HCCL send and receive buffers per device once TP > 1: HCCL_BUFFSIZE default 200 MB (CANN environment-variable reference) × 2. */
    static final long NPU_TP_COMM = 2 * 200 * 1000 * 1000L;
    /** vLLM CPU backend {@code VLLM_CPU_KVCACHE_SPACE} default, 4 GiB (vLLM CPU installation docs). */
    static final long CPU_KV_SPACE = 4 * GIB;
    /** llama.cpp compute buffer per ubatch token: fp32 logits over the vocabulary plus ~8 hidden-size scratch tensors. Estimate from llama.cpp logs ("compute buffer size = 258.50 MiB", Llama-3-8B, n_ubatch 512). */
    static final int LLAMA_CPP_SCRATCH_HIDDEN = 8;

    private MemoryPlanner() {
    }

    static MemoryPlan plan(ResolvedConfig r) {
        MemoryPlan plan = planAt(r);
        return withLargest(plan, largestFitting(r));
    }

    private static MemoryPlan planAt(ResolvedConfig r) {
        if (Engines.LLAMA_CPP.equals(r.engine())) {
            return llamaCpp(r);
        }
        long total = r.chip().visibleMemoryBytes();
        long weights = WeightMemory.perDevice(r);
        long activation = ActivationMemory.peakBytes(r);
        long overhead = overhead(r);
        long budget;
        long kv;
        if (r.chip().family() == ChipFamily.CPU) {
            budget = total;
            kv = Math.min(CPU_KV_SPACE, Math.max(0, total - weights - activation - overhead));
        } else {
            budget = (long) (total * r.utilization());
            kv = Math.max(0, budget - weights - activation - overhead);
        }
        long perToken = Math.max(1, KvCache.bytesPerToken(r));
        long blockBytes = perToken * r.blockSize();
        long blocks = kv / blockBytes;
        long tokens = blocks * r.blockSize();
        boolean fits = weights + activation + overhead < budget && blocks > 0 && tokens >= r.maxModelLen();
        return new MemoryPlan(total, budget, weights, activation, overhead, kv, perToken, r.blockSize(), blocks,
                tokens, r.maxModelLen(), concurrency(tokens, r.maxModelLen()), fits, 0);
    }

    private static MemoryPlan llamaCpp(ResolvedConfig r) {
        long total = r.chip().visibleMemoryBytes();
        long weights = WeightMemory.perDevice(r);
        long compute = (long) Defaults.LLAMA_CPP_UBATCH
                * (r.model().vocabSize() + LLAMA_CPP_SCRATCH_HIDDEN * (long) r.model().hiddenSize()) * 4;
        long overhead = r.chip().family() == ChipFamily.CPU ? 0 : GPU_NON_TORCH;
        long perToken = Math.max(1, KvCache.bytesPerToken(r));
        long tokens = (long) r.maxModelLen() * r.maxNumSeqs();
        long kv = tokens * perToken;
        boolean fits = weights + compute + overhead + kv <= total;
        return new MemoryPlan(total, total, weights, compute, overhead, kv, perToken, 0, 0, tokens,
                r.maxModelLen(), r.maxNumSeqs(), fits, 0);
    }

    private static long overhead(ResolvedConfig r) {
        int tp = r.tensor();
        return switch (r.chip().family()) {
            case CPU -> 0;
            case NPU -> NPU_NON_TORCH + (tp > 1 ? NPU_TP_COMM : 0);
            case GPGPU -> GPU_NON_TORCH + (tp > 1 ? GPU_TP_COMM + (tp - 2) * GPU_TP_PER_EXTRA_PEER : 0);
        };
    }

    /**
     * Largest maxModelLen that fits, by bisection over ranges where fit is monotone (longer never
     * fits better). vLLM V0 switches to chunked prefill above 32K when max_num_batched_tokens is
     * not set, which shrinks the activation peak, so that boundary starts a second range.
     */
    private static int largestFitting(ResolvedConfig r) {
        int max = Math.max(r.model().maxPositionEmbeddings(), r.maxModelLen());
        boolean split = r.config().limits().maxBatchedTokens() == null && !Defaults.isV1(r.engine(), r.version())
                && !Engines.LLAMA_CPP.equals(r.engine()) && !Engines.MINDIE.equals(r.engine())
                && max > Defaults.V0_LONG_CONTEXT;
        if (split) {
            int upper = largestIn(r, Defaults.V0_LONG_CONTEXT, max);
            return upper > Defaults.V0_LONG_CONTEXT ? upper : largestIn(r, 0, Defaults.V0_LONG_CONTEXT);
        }
        return largestIn(r, 0, max);
    }

    /** Largest length in (lo, hi] that fits, or lo when none does. */
    private static int largestIn(ResolvedConfig r, int lo, int hi) {
        if (planAt(r.withMaxModelLen(hi)).fits()) {
            return hi;
        }
        while (hi - lo > 1) {
            int mid = lo + (hi - lo) / 2;
            if (planAt(r.withMaxModelLen(mid)).fits()) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double concurrency(long tokens, int maxModelLen) {
        return Math.floor(tokens * 100.0 / maxModelLen) / 100.0;
    }

    private static MemoryPlan withLargest(MemoryPlan p, int largest) {
        return new MemoryPlan(p.totalBytes(), p.budgetBytes(), p.weightsBytes(), p.activationBytes(),
                p.overheadBytes(), p.kvCacheBytes(), p.kvBytesPerToken(), p.blockSize(), p.kvCacheBlocks(),
                p.kvCacheTokens(), p.maxModelLen(), p.maxConcurrencyAtMaxModelLen(), p.fits(), largest);
    }
}
