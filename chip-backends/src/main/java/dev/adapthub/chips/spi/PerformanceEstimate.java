package dev.adapthub.chips.spi;

/**
 * Expected speed of a config (SPI v1 hook; the simulated backends fill it in a later version).
 *
 * @param bound what limits decode: {@code compute}, {@code memory} or {@code communication}
 */
public record PerformanceEstimate(double prefillMs, double ttftMs, double decodeMsPerToken,
                                  double outputTokensPerSecond, String bound) {
}
