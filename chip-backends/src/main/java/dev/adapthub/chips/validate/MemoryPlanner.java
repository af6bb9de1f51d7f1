package dev.adapthub.chips.validate;

import dev.adapthub.chips.catalog.ChipFamily;
import dev.adapthub.chips.catalog.EngineProfile;
import dev.adapthub.chips.spi.MemoryPlan;

/**
 * The per-device memory plan, modelled on each engine's own sizing. The rule and its numbers come
 * from the engine version's profile ({@link EngineProfile#memoryRule()}):
 *
 * <ul>
 * <li>{@code PROFILE} (vLLM, vllm-ascend, MindIE approximated): budget = visible memory ×
 * utilization; KV cache = budget − weights − activation peak of the profile run − non-torch memory
 * (runtime context, communication buffers, growing with tensor parallelism); blocks =
 * floor(KV / (blockSize × bytes per token)) (vllm/worker/worker.py {@code determine_num_available_blocks},
 * V1 {@code gpu_worker.determine_available_memory} + {@code kv_cache_utils}).
 * <li>{@code STATIC_FRACTION} (SGLang): KV = visible × mem_fraction_static − weights − non-torch
 * memory; activations live in the remaining fraction and are not profiled.
 * <li>{@code CACHE_FRACTION} (LMDeploy): KV = cacheFraction × (visible − weights − non-torch).
 * <li>{@code WHOLE_CONTEXT} (llama.cpp): weights + KV for n_ctx = maxModelLen × slots + a compute
 * buffer must fit into the device.
 * </ul>
 *
 * <p>vLLM's CPU backend sizes the KV cache by {@code VLLM_CPU_KVCACHE_SPACE}, not utilization.
 */
final class MemoryPlanner {

    private static final long GIB = 1024L * 1024 * 1024;
    private static final long MIB = 1024L * 1024;

    /** Fallback non-torch memory of one GPU process when a profile lacks it: 0.35 GiB (vllm#10517). */
    static final double GPU_NON_TORCH_GIB = 0.35;
    /** Fallback for NPUs: 1 GiB (no public measurement; conservative). */
    static final double NPU_NON_TORCH_GIB = 1.0;
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
        EngineProfile.MemoryRule rule = r.profile().memoryRule();
        if (rule == EngineProfile.MemoryRule.WHOLE_CONTEXT) {
            return wholeContext(r);
        }
        long total = r.chip().visibleMemoryBytes();
        long weights = WeightMemory.perDevice(r);
        long activation = rule == EngineProfile.MemoryRule.PROFILE ? ActivationMemory.peakBytes(r) : 0;
        long overhead = overhead(r);
        long budget;
        long kv;
        if (r.chip().family() == ChipFamily.CPU) {
            budget = total;
            kv = Math.min(CPU_KV_SPACE, Math.max(0, total - weights - activation - overhead));
        } else if (rule == EngineProfile.MemoryRule.CACHE_FRACTION) {
            budget = total;
            double fraction = r.config().memory().utilization() != null ? r.utilization()
                    : r.profile().number(EngineProfile.CACHE_FRACTION, 0.8);
            kv = (long) (Math.max(0, total - weights - overhead) * fraction);
        } else {
            budget = (long) (total * r.utilization());
            kv = Math.max(0, budget - weights - activation - overhead);
        }
        long perToken = Math.max(1, KvCache.bytesPerToken(r));
        int block = Math.max(1, r.blockSize());
        long blockBytes = perToken * block;
        long blocks = kv / blockBytes;
        long tokens = blocks * block;
        boolean fits = weights + activation + overhead < budget && blocks > 0 && tokens >= r.maxModelLen();
        return new MemoryPlan(total, budget, weights, activation, overhead, kv, perToken, r.blockSize(), blocks,
                tokens, r.maxModelLen(), concurrency(tokens, r.maxModelLen()), fits, 0);
    }

    private static MemoryPlan wholeContext(ResolvedConfig r) {
        long total = r.chip().visibleMemoryBytes();
        long weights = WeightMemory.perDevice(r);
        long compute = (long) r.maxBatchedTokens()
                * (r.model().vocabSize() + LLAMA_CPP_SCRATCH_HIDDEN * (long) r.model().hiddenSize()) * 4;
        long overhead = overhead(r);
        long perToken = Math.max(1, KvCache.bytesPerToken(r));
        long tokens = (long) r.maxModelLen() * r.maxNumSeqs();
        long kv = tokens * perToken;
        boolean fits = weights + compute + overhead + kv <= total;
        return new MemoryPlan(total, total, weights, compute, overhead, kv, perToken, 0, 0, tokens,
                r.maxModelLen(), r.maxNumSeqs(), fits, 0);
    }

    /** Non-torch memory of one device: runtime context, plus communication buffers once TP > 1. */
    static long overhead(ResolvedConfig r) {
        ChipFamily family = r.chip().family();
        EngineProfile p = r.profile();
        double base = p.number(family, EngineProfile.NON_TORCH_GIB, switch (family) {
            case CPU -> 0;
            case NPU -> NPU_NON_TORCH_GIB;
            case GPGPU -> GPU_NON_TORCH_GIB;
        });
        int tp = r.tensor();
        double comm = tp > 1 ? p.number(family, EngineProfile.TP_COMM_GIB, 0) * GIB
                + (tp - 2) * p.number(family, EngineProfile.TP_PER_EXTRA_PEER_MIB, 0) * MIB : 0;
        return (long) (base * GIB + comm);
    }

    /**
     * Largest maxModelLen that fits, by bisection over ranges where fit is monotone (longer never
     * fits better). An engine that switches to chunked prefill above a length (vLLM V0 above 32K
     * when max_num_batched_tokens is not set) shrinks its activation peak there, so that boundary
     * starts a second range.
     */
    private static int largestFitting(ResolvedConfig r) {
        int max = Math.max(r.model().maxPositionEmbeddings(), r.maxModelLen());
        int boundary = (int) Math.min(Integer.MAX_VALUE, r.profile().number(EngineProfile.CHUNKED_ABOVE, Integer.MAX_VALUE));
        boolean split = r.config().limits().maxBatchedTokens() == null && Defaults.chunksLongContexts(r.profile())
                && max > boundary;
        if (split) {
            int upper = largestIn(r, boundary, max);
            return upper > boundary ? upper : largestIn(r, 0, boundary);
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
