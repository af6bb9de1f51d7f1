package dev.adapthub.web.hf;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The start of a GGUF file (llama.cpp's format, versions 2 and 3): the metadata key-value pairs
 * and the tensor infos that follow them, read from at most a byte budget and never the weights.
 * Gives the model's architecture ({@code general.architecture}), its context length
 * ({@code {arch}.context_length}) and the parameter count (the product of each tensor's
 * dimensions); when the budget runs out before the tensor infos end, the count is left out.
 *
 * @param total parameters, or -1 when not read
 * @param contextLength -1 when the file does not say
 */
record GgufHeader(String architecture, long contextLength, long total) {

    private static final int MAGIC = 0x46554747; // "GGUF", little-endian
    private static final int MAX_STRING = 1 << 20;
    private static final long MAX_DIMS = 8;

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        if (total >= 0) {
            json.put("total", total);
        }
        if (architecture != null) {
            json.put("architecture", architecture);
        }
        if (contextLength >= 0) {
            json.put("context_length", contextLength);
        }
        return json;
    }

    /** Empty when the stream is not GGUF or says nothing useful within {@code budget} bytes. */
    static Optional<GgufHeader> read(InputStream in, long budget) throws IOException {
        Reader r = new Reader(in, budget);
        try {
            if (r.u32() != MAGIC) {
                return Optional.empty();
            }
            long version = r.u32();
            if (version < 2 || version > 3) {
                return Optional.empty();
            }
            long tensors = r.u64();
            long pairs = r.u64();
            Map<String, Object> values = new LinkedHashMap<>();
            for (long i = 0; i < pairs; i++) {
                String key = r.string();
                Object value = r.value((int) r.u32());
                if (value != null) {
                    values.put(key, value);
                }
            }
            String architecture = values.get("general.architecture") instanceof String s ? s : null;
            long context = architecture != null && values.get(architecture + ".context_length") instanceof Number n
                    ? n.longValue() : -1;
            long total = 0;
            try {
                for (long i = 0; i < tensors; i++) {
                    r.string();
                    long dims = r.u32();
                    if (dims > MAX_DIMS) {
                        throw new IOException("a tensor with " + dims + " dimensions");
                    }
                    long count = 1;
                    for (long d = 0; d < dims; d++) {
                        count = Math.multiplyExact(count, r.u64());
                    }
                    total = Math.addExact(total, count);
                    r.u32();
                    r.u64();
                }
            } catch (BudgetExceeded | ArithmeticException e) {
                total = -1;
            }
            if (architecture == null && total < 0) {
                return Optional.empty();
            }
            return Optional.of(new GgufHeader(architecture, context, total));
        } catch (BudgetExceeded | EOFException e) {
            return Optional.empty();
        }
    }

    private static final class BudgetExceeded extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** Little-endian reads that count every byte against the budget. */
    private static final class Reader {
        private final InputStream in;
        private long left;

        Reader(InputStream in, long budget) {
            this.in = in;
            this.left = budget;
        }

        private byte[] bytes(long n) throws IOException {
            if (n > left || n > Integer.MAX_VALUE) {
                throw new BudgetExceeded();
            }
            left -= n;
            byte[] read = in.readNBytes((int) n);
            if (read.length < n) {
                throw new EOFException();
            }
            return read;
        }

        private ByteBuffer le(int n) throws IOException {
            return ByteBuffer.wrap(bytes(n)).order(ByteOrder.LITTLE_ENDIAN);
        }

        long u32() throws IOException {
            return le(4).getInt() & 0xFFFFFFFFL;
        }

        long u64() throws IOException {
            long v = le(8).getLong();
            if (v < 0) {
                throw new IOException("a size over 2^63");
            }
            return v;
        }

        String string() throws IOException {
            long length = u64();
            if (length > MAX_STRING) {
                throw new BudgetExceeded();
            }
            return new String(bytes(length), StandardCharsets.UTF_8);
        }

        /** A value of a GGUF type; arrays are skipped (null), numbers and strings returned. */
        Object value(int type) throws IOException {
            return switch (type) {
                case 0, 1, 7 -> (long) bytes(1)[0];
                case 2, 3 -> (long) le(2).getShort();
                case 4 -> u32();
                case 5 -> (long) le(4).getInt();
                case 6 -> (double) le(4).getFloat();
                case 8 -> string();
                case 9 -> {
                    int elementType = (int) u32();
                    long count = u64();
                    for (long i = 0; i < count; i++) {
                        value(elementType);
                    }
                    yield null;
                }
                case 10, 11 -> le(8).getLong();
                case 12 -> le(8).getDouble();
                default -> throw new IOException("unknown GGUF value type " + type);
            };
        }
    }
}
