package dev.adapthub.chips.model;

/**
 * DeepSeek multi-head latent attention. The KV cache holds one compressed vector of
 * {@code kvLoraRank + qkRopeHeadDim} values per token and layer, shared by all heads.
 *
 * @param qLoraRank 0 when queries are not low-rank (DeepSeek-V2-Lite)
 */
public record Mla(int kvLoraRank, int qLoraRank, int qkNopeHeadDim, int qkRopeHeadDim, int vHeadDim) {

    /** Values cached per token per layer. */
    public int cachedWidth() {
        return kvLoraRank + qkRopeHeadDim;
    }
}
