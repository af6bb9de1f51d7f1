package dev.adapthub.chips.spi;

/**
 * How one device's memory is spent, modelled on the engine's own sizing. All byte figures are per
 * device. Invariant: when {@code fits}, {@code kvCacheTokens >= maxModelLen}.
 *
 * @param totalBytes                 memory the runtime reports for the device
 * @param budgetBytes                what the engine may use (total × utilization for vLLM)
 * @param weightsBytes               weights resident on the device
 * @param activationBytes            activation peak of the profile run
 * @param overheadBytes              non-torch / runtime memory (context, communication buffers)
 * @param kvCacheBytes               memory given to the KV cache (0 when nothing is left)
 * @param kvBytesPerToken            KV bytes one token needs on this device
 * @param blockSize                  tokens per KV block (0: engine without paged KV)
 * @param kvCacheBlocks              whole blocks that fit
 * @param kvCacheTokens              tokens the KV cache holds
 * @param maxModelLen                the config's (or default) maximum sequence length
 * @param maxConcurrencyAtMaxModelLen sequences of full length that fit at once
 * @param fits                       weights, activations and overhead fit and one full-length sequence fits
 * @param largestMaxModelLen         the largest maxModelLen that would fit (0: none)
 */
public record MemoryPlan(
        long totalBytes,
        long budgetBytes,
        long weightsBytes,
        long activationBytes,
        long overheadBytes,
        long kvCacheBytes,
        long kvBytesPerToken,
        int blockSize,
        long kvCacheBlocks,
        long kvCacheTokens,
        int maxModelLen,
        double maxConcurrencyAtMaxModelLen,
        boolean fits,
        int largestMaxModelLen) {
}
