package dev.adapthub.git.write;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bytes of a file to commit. Its size is known up front because Git writes the object
 * header before the content; {@link #open()} may be called once per commit attempt.
 */
public interface Content {

    long size();

    InputStream open() throws IOException;

    static Content of(byte[] bytes) {
        byte[] copy = bytes.clone();
        return new Content() {
            @Override
            public long size() {
                return copy.length;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(copy);
            }
        };
    }

    /** A file on disk, e.g. an upload spooled by the web layer. */
    static Content of(Path file) throws IOException {
        long size = Files.size(file);
        return new Content() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }
        };
    }
}
