package dev.adapthub.chips.perf;

import dev.adapthub.chips.model.ModelArchitecture;
import dev.adapthub.chips.spi.MemoryPlan;
import dev.adapthub.chips.spi.PerformanceEstimate;
import dev.adapthub.chips.spi.PerformanceQuery;
import dev.adapthub.chips.spi.SupportQuery;

/**
 * Roofline performance estimate of a config (see {@code docs/simulation.md}). A step over
 * {@code t} tokens takes {@code max(flops / (peak × compute eff), bytes / (bandwidth × bandwidth eff))}
 * plus tensor-parallel all-reduces. Pipeline stages run one after another for a token, so a
 * token's latency sums the stages: the whole model's FLOPs over one tensor group.
 *
 * <p>Invariant (tested, property-based): no result is faster than {@link PhysicsFloor} allows,
 * bytes / peak bandwidth and flops / peak compute; every efficiency is at most 1 and the floors
 * are applied as a last guard. Stateless and thread-safe.
 */
public final class Roofline {

    /** All-reduces per decoder layer under tensor parallelism: after attention and after the MLP (Megatron-LM). */
    static final int ALL_REDUCES_PER_LAYER = 2;

    private Roofline() {
    }

    /** The estimate for a query; efficiencies per the chip's family and the engine. */
    public static PerformanceEstimate estimate(PerformanceQuery q) {
        return estimate(q, Efficiency.of(q.support().chip().family(), q.support().engine(), q.support().engineVersion()));
    }

    /** The estimate with explicit efficiencies (tests pass 1.0 everywhere to get the raw roofline). */
    public static PerformanceEstimate estimate(PerformanceQuery q, Efficiency eff) {
        Roofline.Model model = new Model(q, Hardware.of(q.support()), eff);
        int input = q.inputTokens();
        int running = decodeConcurrency(q);
        double context = input + q.outputTokens() / 2.0;
        Step decode = model.decode(running, context);
        double decodeMs = Math.max(decode.seconds() * 1e3, PhysicsFloor.decodeMs(q, running, context));
        double prefillMs = Math.max(model.prefillSeconds(1, input) * 1e3, PhysicsFloor.prefillMs(q, input));
        double ttftMs = Math.max(model.prefillSeconds(q.concurrency(), input) * 1e3, prefillMs);
        return new PerformanceEstimate(prefillMs, ttftMs, decodeMs, running * 1e3 / decodeMs, decode.bound(), running);
    }

    /**
     * Sequences decoding at once: the workload's concurrency, capped by maxNumSeqs and by the
     * sequences of input + output tokens the KV cache holds (at least 1).
     */
    static int decodeConcurrency(PerformanceQuery q) {
        long perSequence = (long) q.inputTokens() + q.outputTokens();
        long kvFits = q.memory().kvCacheTokens() / perSequence;
        long n = Math.min(Math.min(q.concurrency(), q.maxNumSeqs()), Math.max(1, kvFits));
        return (int) Math.max(1, n);
    }

    /** Time of one step split by what spends it. */
    record Step(double computeS, double memoryS, double commS) {
        double seconds() {
            return Math.max(computeS, memoryS) + commS;
        }

        String bound() {
            if (commS > computeS && commS > memoryS) {
                return "communication";
            }
            return computeS >= memoryS ? "compute" : "memory";
        }
    }

    /** The per-config quantities every step uses. */
    private static final class Model {
        private final ModelArchitecture arch;
        private final SupportQuery sq;
        private final MemoryPlan memory;
        private final Hardware hw;
        private final Efficiency eff;
        private final int maxBatched;
        private final double weightBytes;

        Model(PerformanceQuery q, Hardware hw, Efficiency eff) {
            this.sq = q.support();
            this.arch = sq.model();
            this.memory = q.memory();
            this.hw = hw;
            this.eff = eff;
            this.maxBatched = q.maxBatchedTokens();
            // weightsBytes is the most loaded stage; a token passes every stage in turn
            this.weightBytes = (double) memory.weightsBytes() * sq.pipelineParallel();
        }

        /** One decode step of {@code running} sequences at mean context {@code context}. */
        Step decode(int running, double context) {
            double flops = running * (ModelCost.linearFlopsPerToken(arch) + ModelCost.attentionFlops(arch, context));
            double kvBytes = running * context * memory.kvBytesPerToken() * sq.pipelineParallel()
                    * ModelCost.kvReadFraction(arch, context);
            return step(running, flops, weightsRead(running) + kvBytes);
        }

        /**
         * Mean time until each of {@code requests} prompts of {@code input} tokens, arriving together,
         * has been prefilled, processing at most maxBatchedTokens per step (first come, first served).
         */
        double prefillSeconds(int requests, int input) {
            double fullChunk = chunkSeconds(maxBatched, input);
            double sum = 0;
            for (int i = 1; i <= requests; i++) {
                long done = (long) i * input;
                long full = done / maxBatched;
                long rest = done % maxBatched;
                sum += full * fullChunk + (rest > 0 ? chunkSeconds((int) rest, input) : 0);
            }
            return sum / requests;
        }

        /** A prefill step over {@code tokens} tokens of prompts of length {@code input}. */
        private double chunkSeconds(int tokens, int input) {
            double attention = ModelCost.promptAttentionFlops(arch, input) / input;
            double flops = tokens * (ModelCost.linearFlopsPerToken(arch) + attention);
            return step(tokens, flops, weightsRead(tokens)).seconds();
        }

        private Step step(int tokens, double flops, double bytes) {
            double compute = flops / sq.tensorParallel() / (hw.peakFlops() * eff.compute());
            double mem = bytes / (hw.bytesPerSecond() * eff.memoryBandwidth());
            return new Step(compute, mem, commSeconds(tokens));
        }

        /** Weight bytes a step over {@code tokens} tokens reads: dense weights all, routed experts as touched. */
        private double weightsRead(int tokens) {
            double routed = ModelCost.routedShare(arch);
            return weightBytes * (1 - routed + routed * ModelCost.expertsTouched(arch, tokens));
        }

        /** Ring all-reduces of the activations, twice per layer, plus pipeline hand-offs. */
        private double commSeconds(int tokens) {
            int tp = sq.tensorParallel();
            int pp = sq.pipelineParallel();
            double message = (double) tokens * arch.hiddenSize() * 2; // 16-bit activations cross the links
            double link = hw.linkBytesPerSecond() * eff.link();
            double latency = eff.collectiveUs() * 1e-6;
            double total = 0;
            if (tp > 1) {
                double ring = 2.0 * (tp - 1) / tp * message / link + latency;
                total += ALL_REDUCES_PER_LAYER * arch.numLayers() * ring;
            }
            if (pp > 1) {
                total += (pp - 1) * (message / link + latency);
            }
            return total;
        }
    }
}
