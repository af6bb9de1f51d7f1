package dev.adapthub.chips.validate;

import dev.adapthub.chips.model.ModelArchitecture;

/** KV-cache bytes per token on one device, the way vLLM's cache spec counts them. */
final class KvCache {

    private KvCache() {
    }

    /**
     * 2 (K and V) × layers on this device × KV heads per rank × head_dim × bytes. KV heads are
     * split over tensor parallel ranks and replicated when there are fewer heads than ranks
     * (vLLM: {@code max(1, num_kv_heads // tp)}). MLA caches one compressed latent of
     * kv_lora_rank + qk_rope_head_dim values per token and layer, not split by TP, in engines that
     * implement MLA's compressed cache ({@code mlaCompressedKv}: vLLM from 0.7.1); older engines
     * expand it to full K and V per head (K of qk_nope + qk_rope dims, V padded to the same width).
     * vLLM allocates full-length KV for sliding-window layers too (before its hybrid allocator),
     * so every layer counts.
     */
    static long bytesPerToken(ResolvedConfig r) {
        ModelArchitecture m = r.model();
        int layers = (m.numLayers() + r.pipeline() - 1) / r.pipeline();
        double bytes = DataTypes.bytes(r.kvCacheType());
        if (m.mla() != null && r.profile().flag(dev.adapthub.chips.catalog.EngineProfile.MLA_COMPRESSED_KV)) {
            return (long) Math.ceil(layers * (double) m.mla().cachedWidth() * bytes);
        }
        if (m.mla() != null) {
            int headsPerRank = Math.max(1, m.numAttentionHeads() / r.tensor());
            int width = m.mla().qkNopeHeadDim() + m.mla().qkRopeHeadDim();
            return (long) Math.ceil(2.0 * layers * headsPerRank * width * bytes);
        }
        int kvHeadsPerRank = Math.max(1, m.numKvHeads() / r.tensor());
        return (long) Math.ceil(2.0 * layers * kvHeadsPerRank * m.headDim() * bytes);
    }
}
