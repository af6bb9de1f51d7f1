package dev.adapthub.chips.model;

import java.util.Map;

/**
 * What the safetensors headers of a checkpoint say, without reading a single weight.
 *
 * @param tensorCount  number of tensors over all shards
 * @param totalBytes   bytes of all tensor data (exact weight bytes on disk)
 * @param elements     number of stored elements (packed int4 tensors count their int32 words)
 * @param bytesByDtype bytes per safetensors dtype ({@code BF16}, {@code F8_E4M3}, {@code I32}, ...)
 */
public record CheckpointSummary(long tensorCount, long totalBytes, long elements, Map<String, Long> bytesByDtype) {
    public CheckpointSummary {
        bytesByDtype = Map.copyOf(bytesByDtype);
    }
}
