package dev.adapthub.chips.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads safetensors headers: an 8-byte little-endian header length, then that many bytes of
 * JSON mapping tensor names to {@code {dtype, shape, data_offsets}}. Only the header is read,
 * never the weights. Header sizes are capped at {@value #MAX_HEADER_BYTES} bytes (the format's
 * reference implementation caps at 100 MB; real shards have headers of tens of KiB).
 */
public final class SafetensorsHeaders {

    /** Largest header accepted. */
    public static final int MAX_HEADER_BYTES = 100 * 1000 * 1000;
    private static final Map<String, Integer> DTYPE_BITS = Map.ofEntries(
            Map.entry("F64", 64), Map.entry("F32", 32), Map.entry("F16", 16), Map.entry("BF16", 16),
            Map.entry("I64", 64), Map.entry("I32", 32), Map.entry("I16", 16), Map.entry("I8", 8),
            Map.entry("U64", 64), Map.entry("U32", 32), Map.entry("U16", 16), Map.entry("U8", 8),
            Map.entry("BOOL", 8), Map.entry("F8_E4M3", 8), Map.entry("F8_E5M2", 8), Map.entry("F8_E8M0", 8));

    private SafetensorsHeaders() {
    }

    /** Bits per element of a safetensors dtype ({@code BF16} → 16), empty for an unknown one. */
    public static java.util.OptionalInt bitsOf(String dtype) {
        Integer bits = DTYPE_BITS.get(dtype);
        return bits == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(bits);
    }

    /** Summarises the headers of all given shard files. */
    public static CheckpointSummary read(List<Path> shards) throws ModelException {
        CheckpointSummary total = new CheckpointSummary(0, 0, 0, Map.of());
        for (Path shard : shards) {
            try (InputStream in = Files.newInputStream(shard)) {
                total = merge(total, parse(shard.getFileName().toString(), in));
            } catch (IOException e) {
                throw new ModelException("", "cannot read " + shard + ": " + e.getMessage(), e);
            }
        }
        return total;
    }

    /** Parses one header from the start of a safetensors stream (reads 8 + header bytes only). */
    public static CheckpointSummary parse(String name, InputStream in) throws ModelException {
        try {
            byte[] prefix = in.readNBytes(8);
            if (prefix.length < 8) {
                throw new ModelException("", name + ": shorter than the 8-byte safetensors header length");
            }
            long length = ByteBuffer.wrap(prefix).order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (length < 2 || length > MAX_HEADER_BYTES) {
                throw new ModelException("", name + ": header length " + Long.toUnsignedString(length)
                        + " is outside 2.." + MAX_HEADER_BYTES + "; is this a safetensors file?");
            }
            byte[] header = in.readNBytes((int) length);
            if (header.length < length) {
                throw new ModelException("", name + ": file ends inside its " + length + "-byte header");
            }
            return summarise(name, Json.parse(name + " header", header));
        } catch (ArithmeticException e) {
            throw new ModelException("", name + ": tensor sizes overflow 64 bits; the header is corrupt", e);
        } catch (IOException e) {
            throw new ModelException("", "cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    private static CheckpointSummary summarise(String name, JsonNode header) throws ModelException {
        long count = 0;
        long bytes = 0;
        long elements = 0;
        Map<String, Long> byDtype = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = header.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("__metadata__")) {
                continue;
            }
            JsonNode t = e.getValue();
            String dtype = t.path("dtype").asText("");
            Integer bits = DTYPE_BITS.get(dtype);
            if (bits == null) {
                throw new ModelException(e.getKey(), name + ": tensor '" + e.getKey() + "' has unknown dtype '"
                        + dtype + "'; known: " + new TreeMap<>(DTYPE_BITS).keySet());
            }
            long numel = numel(name, e.getKey(), t.path("shape"));
            long size = Math.multiplyExact(numel, bits) / 8;
            JsonNode offsets = t.path("data_offsets");
            if (!offsets.isArray() || offsets.size() != 2 || !offsets.get(0).canConvertToLong()
                    || !offsets.get(1).canConvertToLong()
                    || offsets.get(1).asLong() - offsets.get(0).asLong() != size || offsets.get(0).asLong() < 0) {
                throw new ModelException(e.getKey(), name + ": tensor '" + e.getKey()
                        + "' has data_offsets that do not match its dtype and shape (" + size + " bytes)");
            }
            count++;
            bytes = Math.addExact(bytes, size);
            elements = Math.addExact(elements, numel);
            byDtype.merge(dtype, size, Long::sum);
        }
        return new CheckpointSummary(count, bytes, elements, byDtype);
    }

    private static long numel(String name, String tensor, JsonNode shape) throws ModelException {
        if (!shape.isArray()) {
            throw new ModelException(tensor, name + ": tensor '" + tensor + "' has no shape array");
        }
        long n = 1;
        for (JsonNode d : shape) {
            if (!d.isIntegralNumber() || !d.canConvertToLong() || d.asLong() < 0) {
                throw new ModelException(tensor, name + ": tensor '" + tensor + "' has a bad dimension " + d);
            }
            try {
                n = Math.multiplyExact(n, d.asLong());
            } catch (ArithmeticException overflow) {
                throw new ModelException(tensor, name + ": tensor '" + tensor + "' is impossibly large");
            }
        }
        return n;
    }

    private static CheckpointSummary merge(CheckpointSummary a, CheckpointSummary b) {
        Map<String, Long> byDtype = new TreeMap<>(a.bytesByDtype());
        b.bytesByDtype().forEach((k, v) -> byDtype.merge(k, v, Long::sum));
        return new CheckpointSummary(a.tensorCount() + b.tensorCount(), a.totalBytes() + b.totalBytes(),
                a.elements() + b.elements(), byDtype);
    }
}
