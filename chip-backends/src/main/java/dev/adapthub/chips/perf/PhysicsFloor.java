package dev.adapthub.chips.perf;

import dev.adapthub.chips.catalog.ChipSpec;
import dev.adapthub.chips.catalog.Figure;
import dev.adapthub.chips.model.ModelArchitecture;
import dev.adapthub.chips.spi.PerformanceQuery;

/**
 * What physics allows at best, computed without any efficiency factor or modelling choice: a
 * decode step reads at least the active weights of the device once (the routed experts of one
 * token for MoE) and the KV cache its sequences attend to, at the chip's peak bandwidth; a prefill
 * performs at least 2 FLOPs per active weight and token plus the causal attention, at the chip's
 * highest peak of any data type, split over the tensor-parallel group. {@link Roofline} never
 * answers below these floors (issue #17, part 3).
 */
public final class PhysicsFloor {

    private PhysicsFloor() {
    }

    /** Least time of one decode step of {@code running} sequences at mean context {@code context}, in ms. */
    public static double decodeMs(PerformanceQuery q, int running, double context) {
        ModelArchitecture m = q.support().model();
        double activeShare = Math.min(1.0, (double) m.activeParameterCount() / m.parameterCount());
        double weights = q.memory().weightsBytes() * activeShare;
        double kv = running * context * q.memory().kvBytesPerToken() * ModelCost.kvReadFraction(m, context);
        return (weights + kv) / bandwidth(q.support().chip()) * 1e3;
    }

    /** Least time to prefill one prompt of {@code input} tokens on the tensor-parallel group, in ms. */
    public static double prefillMs(PerformanceQuery q, int input) {
        ModelArchitecture m = q.support().model();
        double flops = input * ModelCost.linearFlopsPerToken(m) + ModelCost.promptAttentionFlops(m, input);
        return flops / q.support().tensorParallel() / maxPeak(q.support().chip()) * 1e3;
    }

    /** Peak memory bandwidth in bytes per second. */
    static double bandwidth(ChipSpec chip) {
        return chip.memory().bandwidthGBs().value() * 1e9;
    }

    /** The highest dense peak of any data type, in FLOP/s. */
    static double maxPeak(ChipSpec chip) {
        return chip.compute().values().stream().mapToDouble(Figure::value).max().orElse(Double.MIN_VALUE) * 1e12;
    }
}
