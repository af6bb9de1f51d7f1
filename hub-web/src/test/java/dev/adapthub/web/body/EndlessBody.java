package dev.adapthub.web.body;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * A request body made on the fly: a prefix, then a filler repeated up to {@code total} bytes, so a
 * test can send a gigabyte without holding it. A server that cuts the body off makes the client stop.
 */
final class EndlessBody extends InputStream {

    private final byte[] prefix;
    private final byte[] filler;
    private final long total;
    private long position;

    EndlessBody(String prefix, String filler, long total) {
        this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
        this.filler = filler.getBytes(StandardCharsets.UTF_8);
        this.total = total;
    }

    static Supplier<InputStream> of(String prefix, String filler, long total) {
        return () -> new EndlessBody(prefix, filler, total);
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (position >= total) {
            return -1;
        }
        int n = (int) Math.min(length, total - position);
        for (int i = 0; i < n; i++, position++) {
            buffer[offset + i] = position < prefix.length ? prefix[(int) position]
                    : filler[(int) ((position - prefix.length) % filler.length)];
        }
        return n;
    }
}
