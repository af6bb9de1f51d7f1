package dev.adapthub.chips.spi;

import dev.adapthub.chips.catalog.ChipSpec;
import dev.adapthub.chips.model.ModelArchitecture;

/**
 * One config as a backend sees it, with defaults already resolved.
 *
 * @param weightType     weight type in hub spelling ({@code bf16}, {@code fp8-e4m3}, {@code int4}, ...)
 * @param activationType activation/compute type
 * @param kvCacheType    KV-cache type
 * @param quantization   scheme ({@code none}, {@code gptq}, {@code awq}, {@code fp8}, {@code w8a8}, a GGUF type)
 * @param blockSize      KV block size in tokens (0 for engines without paged KV, e.g. llama.cpp)
 */
public record SupportQuery(
        ChipSpec chip,
        ModelArchitecture model,
        String engine,
        String engineVersion,
        String weightType,
        String activationType,
        String kvCacheType,
        String quantization,
        int blockSize,
        int tensorParallel,
        int pipelineParallel,
        int expertParallel) {
}
