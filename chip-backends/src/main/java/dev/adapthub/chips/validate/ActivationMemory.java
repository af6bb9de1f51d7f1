package dev.adapthub.chips.validate;

import dev.adapthub.chips.model.ModelArchitecture;
import dev.adapthub.chips.model.Moe;

/**
 * Peak activation memory of vLLM's profile run, which pushes {@code max_num_batched_tokens}
 * dummy tokens through the model once (gpu_worker / gpu_model_runner {@code profile_run}).
 *
 * <p>The peak is inside a decoder layer's MLP: the gate_up output (2·I/tp per token), the
 * activated half (I/tp) and three hidden-size tensors alive at once (residual, normed input,
 * output). Checked against vLLM 0.6.4 on an RTX 3090 (vllm-project/vllm#10517): Llama-3.1-8B at
 * 20,000 and 29,000 batched tokens predicts 2.06 and 2.99 GiB against the logged torch peaks
 * minus weights of 2.07 and 2.99 GiB. MoE layers use fused_moe's three intermediate caches,
 * per token top_k·(2N + N + H) with N the expert size per rank, processed in chunks of
 * {@link #FUSED_MOE_CHUNK} tokens. The sampler's logits over the full vocabulary for
 * {@code max_num_seqs} sequences are a second, later peak; the larger of the two counts.
 */
final class ActivationMemory {

    /** vLLM {@code VLLM_FUSED_MOE_CHUNK_SIZE} default (vllm/envs.py). */
    static final int FUSED_MOE_CHUNK = 32 * 1024;
    /** Hidden-size tensors alive at the MLP peak: residual, normed input, MLP output. */
    static final int HIDDEN_TENSORS_AT_PEAK = 3;
    /** The sampler keeps fp32 logits and fp32 probabilities for every sequence. */
    static final int SAMPLER_FP32_COPIES = 2;
    static final int FP32_BYTES = 4;

    private ActivationMemory() {
    }

    static long peakBytes(ResolvedConfig r) {
        ModelArchitecture m = r.model();
        double act = DataTypes.bytes(r.activationType().startsWith("int") || r.activationType().startsWith("fp8")
                ? "bf16" : r.activationType());
        long tokens = r.maxBatchedTokens();
        int tp = r.tensor();
        double h = m.hiddenSize();
        double denseIntermediate = m.moe() != null && m.moe().denseLayers() > 0 ? m.moe().denseIntermediate()
                : m.intermediateSize();
        double perToken = 3 * denseIntermediate / tp + HIDDEN_TENSORS_AT_PEAK * h;
        if (m.moe() != null) {
            Moe moe = m.moe();
            double expert = moe.expertsPerToken() * (3.0 * moe.expertIntermediate() / tp + h)
                    + 3.0 * moe.sharedIntermediate() / tp + HIDDEN_TENSORS_AT_PEAK * h;
            double chunked = expert * Math.min(tokens, FUSED_MOE_CHUNK) / tokens
                    + HIDDEN_TENSORS_AT_PEAK * h * (1 - Math.min(tokens, FUSED_MOE_CHUNK) / (double) tokens);
            perToken = Math.max(m.moe().denseLayers() > 0 ? perToken : 0, chunked);
        }
        double attention = attentionPerToken(m, tp) + HIDDEN_TENSORS_AT_PEAK * h;
        double layerPeak = tokens * Math.max(perToken, attention) * act;
        double sampler = (double) r.maxNumSeqs() * m.vocabSize() * FP32_BYTES * SAMPLER_FP32_COPIES
                + tokens * h * act;
        return (long) Math.ceil(Math.max(layerPeak, sampler));
    }

    private static double attentionPerToken(ModelArchitecture m, int tp) {
        double heads = Math.max(1, m.numAttentionHeads() / tp);
        if (m.mla() != null) {
            double q = heads * (m.mla().qkNopeHeadDim() + m.mla().qkRopeHeadDim());
            double kv = heads * (m.mla().qkNopeHeadDim() + m.mla().vHeadDim());
            return q + kv + heads * m.mla().vHeadDim();
        }
        double kvHeads = Math.max(1, m.numKvHeads() / tp);
        return (heads + 2 * kvHeads) * m.headDim() + heads * m.headDim();
    }
}
