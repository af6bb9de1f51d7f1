package dev.adapthub.chips.spi;

/**
 * Expected speed of a config (SPI v1 hook; the simulated backends fill it in a later version).
 *
 * <p>Invariants: times are positive milliseconds; {@code outputTokensPerSecond} is the aggregate over
 * {@code concurrency} running sequences; {@code concurrency} is at least 1.
 *
 * @param prefillMs             one request's prompt alone (chunked by the batched-token budget)
 * @param ttftMs                mean time to first token when the workload's requests arrive together
 * @param decodeMsPerToken      one decode step at {@code concurrency} running sequences
 * @param outputTokensPerSecond tokens generated per second over all running sequences
 * @param bound                 what limits decode: {@code compute}, {@code memory} or {@code communication}
 * @param concurrency           sequences decoding at once: the workload's, capped by maxNumSeqs and the KV cache
 */
public record PerformanceEstimate(double prefillMs, double ttftMs, double decodeMsPerToken,
                                  double outputTokensPerSecond, String bound, int concurrency) {
}
