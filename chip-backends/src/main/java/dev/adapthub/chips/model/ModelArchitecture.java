package dev.adapthub.chips.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The architecture facts the validator needs, read from a Hugging Face {@code config.json}
 * (and, when given, made exact by safetensors headers).
 *
 * <p>Invariants: all sizes are positive; {@code numAttentionHeads % numKvHeads == 0};
 * {@code moe}, {@code mla}, {@code slidingWindow}, {@code quantization} and {@code checkpoint}
 * are {@code null} when the model has no such feature or no header was read.
 * {@code dtype} is the checkpoint's 16/32-bit type in hub spelling ({@code bf16}, {@code fp16},
 * {@code fp32}).
 */
public record ModelArchitecture(
        String modelType,
        int hiddenSize,
        int numLayers,
        int numAttentionHeads,
        int numKvHeads,
        int headDim,
        int intermediateSize,
        int vocabSize,
        int maxPositionEmbeddings,
        boolean tieWordEmbeddings,
        boolean qkvBias,
        boolean qkNorm,
        int normsPerLayer,
        String dtype,
        Moe moe,
        Mla mla,
        SlidingWindow slidingWindow,
        boolean logitSoftcap,
        Quantization quantization,
        CheckpointSummary checkpoint) {

    /** Attention head layout: multi-head, grouped-query, multi-query or latent. */
    public String attentionLayout() {
        if (mla != null) {
            return "mla";
        }
        if (numKvHeads == numAttentionHeads) {
            return "mha";
        }
        return numKvHeads == 1 ? "mqa" : "gqa";
    }

    /** Attention variants this model needs from a backend (layout plus sliding window / softcap). */
    public Set<String> attentionVariants() {
        Set<String> v = new LinkedHashSet<>();
        v.add(attentionLayout());
        if (slidingWindow != null) {
            v.add("sliding-window");
        }
        if (logitSoftcap) {
            v.add("logit-softcap");
        }
        return v;
    }

    /** The operators a forward pass of this architecture runs (names of {@link Operators}). */
    public List<String> operators() {
        return Operators.forArchitecture(this);
    }

    /** Same architecture with a checkpoint summary attached. */
    public ModelArchitecture withCheckpoint(CheckpointSummary summary) {
        return new ModelArchitecture(modelType, hiddenSize, numLayers, numAttentionHeads, numKvHeads, headDim,
                intermediateSize, vocabSize, maxPositionEmbeddings, tieWordEmbeddings, qkvBias, qkNorm,
                normsPerLayer, dtype, moe, mla, slidingWindow, logitSoftcap, quantization, summary);
    }

    /** Parameters of the embedding table. */
    public long embeddingParams() {
        return (long) vocabSize * hiddenSize;
    }

    /** Parameters of the output head (0 when tied to the embedding). */
    public long lmHeadParams() {
        return tieWordEmbeddings ? 0 : (long) vocabSize * hiddenSize;
    }

    /** Parameters of one decoder layer's attention block. */
    public long attentionParams() {
        long h = hiddenSize;
        if (mla != null) {
            long qHead = mla.qkNopeHeadDim() + mla.qkRopeHeadDim();
            long q = mla.qLoraRank() > 0
                    ? h * mla.qLoraRank() + mla.qLoraRank() + (long) mla.qLoraRank() * numAttentionHeads * qHead
                    : h * numAttentionHeads * qHead;
            long kvA = h * (mla.kvLoraRank() + mla.qkRopeHeadDim()) + mla.kvLoraRank();
            long kvB = (long) mla.kvLoraRank() * numAttentionHeads * (mla.qkNopeHeadDim() + mla.vHeadDim());
            long o = (long) numAttentionHeads * mla.vHeadDim() * h;
            return q + kvA + kvB + o;
        }
        long qDim = (long) numAttentionHeads * headDim;
        long kvDim = (long) numKvHeads * headDim;
        long params = h * qDim + 2 * h * kvDim + qDim * h;
        if (qkvBias) {
            params += qDim + 2 * kvDim;
        }
        if (qkNorm) {
            params += 2L * headDim;
        }
        return params;
    }

    /** Parameters of layer {@code i}'s MLP or MoE block (routed experts included). */
    public long mlpParams(int layer) {
        long h = hiddenSize;
        if (moe == null) {
            return 3 * h * intermediateSize;
        }
        if (layer < moe.denseLayers()) {
            return 3 * h * moe.denseIntermediate();
        }
        long experts = (long) moe.numExperts() * 3 * h * moe.expertIntermediate();
        long router = h * moe.numExperts();
        long shared = 3 * h * moe.sharedIntermediate() + (moe.sharedExpertGate() ? h : 0);
        return experts + router + shared;
    }

    /** Parameters of layer {@code i}: attention, MLP/MoE and norms. */
    public long layerParams(int layer) {
        return attentionParams() + mlpParams(layer) + (long) normsPerLayer * hiddenSize;
    }

    /** Total parameters computed from the architecture (final norm included). */
    public long parameterCount() {
        long total = embeddingParams() + lmHeadParams() + hiddenSize;
        for (int i = 0; i < numLayers; i++) {
            total += layerParams(i);
        }
        return total;
    }

    /** Parameters used per token: routed experts count only top-k of them. */
    public long activeParameterCount() {
        if (moe == null) {
            return parameterCount();
        }
        long inactive = (long) (moe.numExperts() - moe.expertsPerToken()) * 3 * hiddenSize * moe.expertIntermediate();
        return parameterCount() - inactive * (numLayers - moe.denseLayers());
    }

    /** Names of the layers' dimensions, for messages. */
    public List<String> describe() {
        List<String> d = new ArrayList<>();
        d.add(modelType + ": " + numLayers + " layers, hidden " + hiddenSize + ", " + numAttentionHeads
                + " heads / " + numKvHeads + " KV heads of " + headDim);
        if (moe != null) {
            d.add(moe.numExperts() + " experts, top-" + moe.expertsPerToken());
        }
        return d;
    }
}
