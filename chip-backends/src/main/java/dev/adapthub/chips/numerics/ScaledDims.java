package dev.adapthub.chips.numerics;

/**
 * The scaled-down dimensions a {@link LayerShape} runs at: head counts, the GQA grouping,
 * expert top-k and the norm/rope constants are kept; widths shrink so one run takes
 * milliseconds. Rounding statistics depend on reduction lengths (kept in the hundreds) and on
 * value distributions (kept: weights are scaled by {@code 1/sqrt(fan_in)} of the scaled width),
 * not on the absolute width, so the error a format makes carries over.
 */
record ScaledDims(int seq, int hidden, int heads, int kvHeads, int headDim, int intermediate,
                  int experts, int topK, int window, int kvLoraRank, int ropeDim, int nopeDim, int vDim,
                  double normEps, double ropeTheta) {

    /** Width of the residual stream; keeps reductions (RMSNorm, projections) realistic in length. */
    static final int HIDDEN_CAP = 256;
    /** heads * headDim at most this, so models with 64-128 heads stay fast. */
    static final int QUERY_WIDTH_BUDGET = 512;
    /** MLP width cap (about 3.5x the hidden cap, the usual SwiGLU ratio). */
    static final int INTERMEDIATE_CAP = 1024;
    /** Experts materialised; top-k is kept (capped at this). */
    static final int EXPERT_CAP = 32;
    /** Total weights over all materialised experts, so 256-expert models stay fast. */
    static final int EXPERT_WEIGHT_BUDGET = 600_000;

    static ScaledDims of(LayerShape s, CheckOptions options) {
        int hidden = Math.min(s.hiddenSize(), HIDDEN_CAP);
        double ratio = (double) hidden / s.hiddenSize();
        int perHeadBudget = Math.max(4, QUERY_WIDTH_BUDGET / s.numHeads());
        int headDim = 0;
        int kvLora = 0;
        int rope = 0;
        int nope = 0;
        int v = 0;
        if (s.mla() == null) {
            headDim = Math.min(s.headDim(), Math.max(2, perHeadBudget & ~1));
            rope = headDim;
        } else {
            LayerShape.Mla m = s.mla();
            double f = Math.min(1.0, (double) perHeadBudget / (m.qkNopeHeadDim() + m.qkRopeHeadDim()));
            rope = Math.max(2, ((int) Math.round(m.qkRopeHeadDim() * f)) & ~1);
            nope = Math.max(2, (int) Math.round(m.qkNopeHeadDim() * f));
            v = Math.max(2, (int) Math.round(m.vHeadDim() * f));
            kvLora = Math.min(m.kvLoraRank(), Math.max(16, (int) Math.round(m.kvLoraRank() * ratio)));
        }
        int experts = Math.min(s.numExperts(), EXPERT_CAP);
        int topK = Math.min(s.expertsPerToken(), experts);
        int interCap = experts == 0 ? INTERMEDIATE_CAP
                : Math.max(8, Math.min(INTERMEDIATE_CAP, EXPERT_WEIGHT_BUDGET / (3 * experts * hidden)));
        int intermediate = Math.min(s.intermediateSize(),
                Math.max(8, Math.min(interCap, (int) Math.round(s.intermediateSize() * ratio))));
        return new ScaledDims(options.sequenceLength(), hidden, s.numHeads(),
                s.mla() == null ? s.numKvHeads() : s.numHeads(), headDim, intermediate, experts, topK,
                s.slidingWindow(), kvLora, rope, nope, v, s.normEps(), s.ropeTheta());
    }

    boolean isMla() {
        return kvLoraRank > 0;
    }

    boolean isMoe() {
        return experts > 0;
    }

    /** Query heads per KV head. */
    int groupSize() {
        return heads / kvHeads;
    }
}
