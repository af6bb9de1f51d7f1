package dev.adapthub.chips.spi;

/**
 * What a backend needs to estimate speed (SPI v1 addition): the resolved config, its memory plan
 * and the expected traffic. Invariant: all counts are positive.
 *
 * @param inputTokens      prompt tokens per request
 * @param outputTokens     generated tokens per request
 * @param concurrency      requests the workload runs at once
 * @param maxNumSeqs       the engine's cap on running sequences
 * @param maxBatchedTokens tokens one scheduler step may process (chunked-prefill budget)
 */
public record PerformanceQuery(SupportQuery support, MemoryPlan memory, int inputTokens, int outputTokens,
                               int concurrency, int maxNumSeqs, int maxBatchedTokens) {

    public PerformanceQuery {
        if (inputTokens < 1 || outputTokens < 1 || concurrency < 1 || maxNumSeqs < 1 || maxBatchedTokens < 1) {
            throw new IllegalArgumentException("performance query counts must be positive: input " + inputTokens
                    + ", output " + outputTokens + ", concurrency " + concurrency + ", maxNumSeqs " + maxNumSeqs
                    + ", maxBatchedTokens " + maxBatchedTokens);
        }
    }
}
