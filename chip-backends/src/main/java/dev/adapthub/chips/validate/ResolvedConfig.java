package dev.adapthub.chips.validate;

import dev.adapthub.chips.catalog.ChipSpec;
import dev.adapthub.chips.catalog.EngineCatalog;
import dev.adapthub.chips.catalog.EngineProfile;
import dev.adapthub.chips.config.InferenceConfig;
import dev.adapthub.chips.model.ModelArchitecture;
import dev.adapthub.chips.spi.SupportQuery;

/**
 * A config with every default filled in the way the engine fills it. Invariant: all sizes are
 * positive except {@code blockSize}, which is 0 for engines without a paged KV cache.
 *
 * @param engineMatch      the engine profile that models the config's engine version
 * @param maxBatchedTokens tokens of the profile run (vLLM {@code max_num_batched_tokens})
 */
record ResolvedConfig(
        InferenceConfig config,
        ModelArchitecture model,
        ChipSpec chip,
        String engine,
        EngineCatalog.Match engineMatch,
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

    /** The behaviour of the engine version the config names (or the one modelled instead). */
    EngineProfile profile() {
        return engineMatch.profile();
    }

    SupportQuery toQuery() {
        return new SupportQuery(chip, model, engine, config.engine().version(), weightType, activationType, kvCacheType,
                quantization, blockSize, tensor, pipeline, expert);
    }

    /** The same config with another maxModelLen (and the batched-token default that follows from it). */
    ResolvedConfig withMaxModelLen(int len) {
        int batched = config.limits().maxBatchedTokens() != null ? maxBatchedTokens
                : Defaults.maxBatchedTokens(profile(), len, chip);
        return new ResolvedConfig(config, model, chip, engine, engineMatch, weightType, activationType, kvCacheType,
                quantization, blockSize, tensor, pipeline, expert, len, maxNumSeqs, batched, utilization);
    }
}
