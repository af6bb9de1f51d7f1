package dev.adapthub.chips.perf;

import dev.adapthub.chips.model.Mla;
import dev.adapthub.chips.model.ModelArchitecture;
import dev.adapthub.chips.model.Moe;
import dev.adapthub.chips.model.SlidingWindow;

/**
 * FLOPs and bytes of a forward pass, for the whole model (not split over devices). Linear layers
 * cost 2 FLOPs per active weight per token (routed experts count top-k only; the embedding lookup
 * is free); attention costs 2 FLOPs per multiply-add of QK^T and of PV over the attended context,
 * capped at the window on sliding-window layers.
 */
final class ModelCost {

    private ModelCost() {
    }

    /** FLOPs of the linear layers per token: 2 × active parameters without the embedding table. */
    static double linearFlopsPerToken(ModelArchitecture m) {
        return 2.0 * (m.activeParameterCount() - m.embeddingParams() + (m.tieWordEmbeddings() ? m.embeddingParams() : 0));
    }

    /** Attention FLOPs of one token attending to {@code context} earlier tokens, over all layers. */
    static double attentionFlops(ModelArchitecture m, double context) {
        return perLayerAttention(m) * attendedLayerTokens(m, context);
    }

    /**
     * Attention FLOPs of a causal prompt of {@code n} tokens (token i attends to i tokens: n²/2 in all,
     * on sliding layers each attends to at most the window).
     */
    static double promptAttentionFlops(ModelArchitecture m, double n) {
        SlidingWindow sw = m.slidingWindow();
        double full = n * n / 2;
        if (sw == null) {
            return perLayerAttention(m) * m.numLayers() * full;
        }
        double w = Math.min(n, sw.window());
        double windowed = w * w / 2 + (n - w) * w;
        int sliding = Math.min(sw.slidingLayers(), m.numLayers());
        return perLayerAttention(m) * ((m.numLayers() - sliding) * full + sliding * windowed);
    }

    /** Sum over layers of the tokens one query attends to, sliding layers capped at the window. */
    static double attendedLayerTokens(ModelArchitecture m, double context) {
        SlidingWindow sw = m.slidingWindow();
        if (sw == null) {
            return m.numLayers() * context;
        }
        int sliding = Math.min(sw.slidingLayers(), m.numLayers());
        return (m.numLayers() - sliding) * context + sliding * Math.min(context, sw.window());
    }

    /**
     * Fraction of the KV cache of one sequence a step reads, per cached token, relative to a cache
     * where every layer holds every token: sliding layers read only the window.
     */
    static double kvReadFraction(ModelArchitecture m, double context) {
        return attendedLayerTokens(m, context) / (m.numLayers() * context);
    }

    /**
     * Share of the linear-layer weights that are routed experts (0 for dense models): those are
     * resident in memory but a step reads only the experts its tokens were routed to.
     */
    static double routedShare(ModelArchitecture m) {
        Moe moe = m.moe();
        if (moe == null) {
            return 0;
        }
        double routed = (double) moe.numExperts() * 3 * m.hiddenSize() * moe.expertIntermediate()
                * (m.numLayers() - moe.denseLayers());
        return routed / m.parameterCount();
    }

    /**
     * Expected share of routed experts a step over {@code tokens} tokens touches, if routing is
     * uniform and independent: 1 − (1 − k/E)^tokens.
     */
    static double expertsTouched(ModelArchitecture m, double tokens) {
        Moe moe = m.moe();
        if (moe == null) {
            return 1;
        }
        double miss = 1.0 - (double) moe.expertsPerToken() / moe.numExperts();
        return 1.0 - Math.pow(miss, tokens);
    }

    private static double perLayerAttention(ModelArchitecture m) {
        Mla mla = m.mla();
        if (mla != null) {
            return 2.0 * m.numAttentionHeads() * (mla.qkNopeHeadDim() + mla.qkRopeHeadDim() + mla.vHeadDim());
        }
        return 4.0 * m.numAttentionHeads() * m.headDim();
    }
}
