package dev.adapthub.chips.numerics;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape of one decoder layer, as the numerics check needs it (the integration maps the
 * model architecture onto it; field names follow Hugging Face {@code config.json}).
 *
 * <p>Invariants (checked on construction, all violations reported at once):
 * sizes positive; {@code numKvHeads <= numHeads} and dividing it (GQA/MQA groups);
 * {@code headDim} even (rotary embedding rotates pairs); {@code numExperts == 0} means a dense
 * MLP with {@code expertsPerToken == 0}, otherwise {@code 1 <= expertsPerToken <= numExperts};
 * for MoE models {@code intermediateSize} is the per-expert width ({@code moe_intermediate_size});
 * {@code 0 < normEps < 1}; {@code ropeTheta > 0}; {@code slidingWindow == 0} means none.
 * With {@link #mla()} set, attention is DeepSeek's multi-head latent attention and
 * {@code numKvHeads}/{@code headDim} are not used by the forward pass.
 *
 * @param slidingWindow attention window in tokens, 0 for full causal attention
 * @param mla           latent-attention dimensions, or {@code null} for MHA/GQA/MQA
 */
public record LayerShape(int hiddenSize, int numHeads, int numKvHeads, int headDim, int intermediateSize,
                         int numExperts, int expertsPerToken, double normEps, double ropeTheta,
                         int slidingWindow, Mla mla) {

    /**
     * Multi-head latent attention dimensions ({@code kv_lora_rank}, {@code qk_rope_head_dim},
     * {@code qk_nope_head_dim}, {@code v_head_dim}); all positive, {@code qkRopeHeadDim} even.
     */
    public record Mla(int kvLoraRank, int qkRopeHeadDim, int qkNopeHeadDim, int vHeadDim) {
    }

    public LayerShape {
        List<String> problems = new ArrayList<>();
        positive(problems, "hiddenSize", hiddenSize);
        positive(problems, "numHeads", numHeads);
        positive(problems, "intermediateSize", intermediateSize);
        if (mla == null) {
            positive(problems, "numKvHeads", numKvHeads);
            positive(problems, "headDim", headDim);
            if (numKvHeads > 0 && numHeads > 0 && (numKvHeads > numHeads || numHeads % numKvHeads != 0)) {
                problems.add("numKvHeads (" + numKvHeads + ") must divide numHeads (" + numHeads
                        + "): each KV head serves a whole group of query heads (check num_key_value_heads)");
            }
            if (headDim > 0 && headDim % 2 != 0) {
                problems.add("headDim (" + headDim + ") must be even: rotary embedding rotates pairs of dimensions");
            }
        } else {
            positive(problems, "mla.kvLoraRank", mla.kvLoraRank());
            positive(problems, "mla.qkRopeHeadDim", mla.qkRopeHeadDim());
            positive(problems, "mla.qkNopeHeadDim", mla.qkNopeHeadDim());
            positive(problems, "mla.vHeadDim", mla.vHeadDim());
            if (mla.qkRopeHeadDim() > 0 && mla.qkRopeHeadDim() % 2 != 0) {
                problems.add("mla.qkRopeHeadDim (" + mla.qkRopeHeadDim() + ") must be even: rotary embedding rotates pairs");
            }
        }
        if (numExperts < 0) {
            problems.add("numExperts (" + numExperts + ") must be >= 0 (0 = dense MLP)");
        } else if (numExperts == 0 && expertsPerToken != 0) {
            problems.add("expertsPerToken (" + expertsPerToken + ") must be 0 for a dense layer (numExperts = 0)");
        } else if (numExperts > 0 && (expertsPerToken < 1 || expertsPerToken > numExperts)) {
            problems.add("expertsPerToken (" + expertsPerToken + ") must be between 1 and numExperts ("
                    + numExperts + ") (check num_experts_per_tok)");
        }
        if (!(normEps > 0 && normEps < 1)) {
            problems.add("normEps (" + normEps + ") must be in (0, 1), e.g. 1e-5 or 1e-6 (check rms_norm_eps)");
        }
        if (!(ropeTheta > 0) || Double.isInfinite(ropeTheta)) {
            problems.add("ropeTheta (" + ropeTheta + ") must be a positive finite number, e.g. 10000 or 500000");
        }
        if (slidingWindow < 0) {
            problems.add("slidingWindow (" + slidingWindow + ") must be >= 0 (0 = no sliding window)");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid layer shape: " + String.join("; ", problems));
        }
    }

    /** A dense (non-MoE) layer without sliding window or MLA. */
    public static LayerShape dense(int hiddenSize, int numHeads, int numKvHeads, int headDim,
                                   int intermediateSize, double normEps, double ropeTheta) {
        return new LayerShape(hiddenSize, numHeads, numKvHeads, headDim, intermediateSize, 0, 0,
                normEps, ropeTheta, 0, null);
    }

    /** This shape with a mixture-of-experts feed-forward ({@code intermediateSize} per expert). */
    public LayerShape withMoe(int experts, int perToken, int expertIntermediateSize) {
        return new LayerShape(hiddenSize, numHeads, numKvHeads, headDim, expertIntermediateSize, experts, perToken,
                normEps, ropeTheta, slidingWindow, mla);
    }

    /** This shape with a sliding attention window. */
    public LayerShape withSlidingWindow(int window) {
        return new LayerShape(hiddenSize, numHeads, numKvHeads, headDim, intermediateSize, numExperts,
                expertsPerToken, normEps, ropeTheta, window, mla);
    }

    /** This shape with multi-head latent attention. */
    public LayerShape withMla(Mla dims) {
        return new LayerShape(hiddenSize, numHeads, numKvHeads, headDim, intermediateSize, numExperts,
                expertsPerToken, normEps, ropeTheta, slidingWindow, dims);
    }

    /** True when the feed-forward is a mixture of experts. */
    public boolean isMoe() {
        return numExperts > 0;
    }

    private static void positive(List<String> problems, String field, int value) {
        if (value <= 0) {
            problems.add(field + " (" + value + ") must be > 0");
        }
    }
}
