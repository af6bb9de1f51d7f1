package dev.adapthub.web.hf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds the lines of a spooled NDJSON body without holding them, and reads one back as a stream. */
final class NdjsonLines {

    private NdjsonLines() {
    }

    /** The non-blank lines of {@code body}, or null when there are more than {@code max}. */
    static List<NdjsonCommit.Line> of(Path body, int max) throws IOException {
        List<NdjsonCommit.Line> lines = new ArrayList<>();
        try (InputStream in = Files.newInputStream(body)) {
            byte[] buffer = new byte[64 << 10];
            long position = 0;
            long start = 0;
            int number = 1;
            boolean blank = true;
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++, position++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        if (!blank && !add(lines, new NdjsonCommit.Line(number, start, position), max)) {
                            return null;
                        }
                        number++;
                        start = position + 1;
                        blank = true;
                    } else if (b != ' ' && b != '\t' && b != '\r') {
                        blank = false;
                    }
                }
            }
            if (!blank && !add(lines, new NdjsonCommit.Line(number, start, position), max)) {
                return null;
            }
        }
        return lines;
    }

    private static boolean add(List<NdjsonCommit.Line> lines, NdjsonCommit.Line line, int max) {
        lines.add(line);
        return lines.size() <= max;
    }

    /** The bytes of {@code line}, read from {@code body} at their own position. */
    static InputStream region(FileChannel body, NdjsonCommit.Line line) {
        return new InputStream() {
            private long position = line.start();

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (position >= line.end()) {
                    return -1;
                }
                int n = body.read(ByteBuffer.wrap(b, off, (int) Math.min(len, line.end() - position)), position);
                if (n > 0) {
                    position += n;
                }
                return n;
            }
        };
    }
}
