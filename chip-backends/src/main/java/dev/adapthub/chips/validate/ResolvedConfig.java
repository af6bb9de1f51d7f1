package dev.adapthub.chips.validate;

import dev.adapthub.chips.catalog.ChipSpec;
import dev.adapthub.chips.config.InferenceConfig;
import dev.adapthub.chips.model.ModelArchitecture;
import dev.adapthub.chips.spi.SupportQuery;

/**
 * A config with every default filled in the way the engine fills it. Invariant: all sizes are
 * positive except {@code blockSize}, which is 0 for engines without a paged KV cache.
 *
 * @param maxBatchedTokens tokens of the profile run (vLLM {@code max_num_batched_tokens})
 */
record ResolvedConfig(
        InferenceConfig config,
        ModelArchitecture model,
        ChipSpec chip,
        String engine,
        EngineVersion version,
        String weightType,
        String activationType,
        String kvCacheType,
        String quantization,
        int blockSize,
        int tensor,
        int pipeline,
        int expert,
        int maxModelLen,
        int maxNumSeqs,
        int maxBatchedTokens,
        double utilization) {

    SupportQuery toQuery() {
        return new SupportQuery(chip, model, engine, config.engine().version(), weightType, activationType, kvCacheType,
                quantization, blockSize, tensor, pipeline, expert);
    }

    /** The same config with another maxModelLen (and the batched-token default that follows from it). */
    ResolvedConfig withMaxModelLen(int len) {
        int batched = config.limits().maxBatchedTokens() != null ? maxBatchedTokens
                : Defaults.maxBatchedTokens(engine, version, len, chip);
        return new ResolvedConfig(config, model, chip, engine, version, weightType, activationType, kvCacheType,
                quantization, blockSize, tensor, pipeline, expert, len, maxNumSeqs, batched, utilization);
    }
}
