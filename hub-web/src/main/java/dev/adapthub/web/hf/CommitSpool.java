package dev.adapthub.web.hf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.http.HttpStatus;

/**
 * The body of one NDJSON commit on disk, in a directory of its own, while it is checked and
 * committed: the body as received and, beside it, each inline file decoded. Never in the heap;
 * {@link #close()} deletes it all, whatever happened.
 */
final class CommitSpool implements AutoCloseable {

    private final Path directory;
    private int files;

    private CommitSpool(Path directory) {
        this.directory = directory;
    }

    /**
     * Copies {@code body} to a new directory under {@code parent}, refusing it (413, nothing kept)
     * past {@code quota} bytes.
     */
    static CommitSpool receive(InputStream body, Path parent, long quota) throws IOException {
        Files.createDirectories(parent);
        CommitSpool spool = new CommitSpool(Files.createTempDirectory(parent, "ndjson-"));
        try (OutputStream out = Files.newOutputStream(spool.body())) {
            byte[] buffer = new byte[64 << 10];
            long total = 0;
            for (int n; (n = body.read(buffer)) > 0; ) {
                total += n;
                if (total > quota) {
                    throw new HfError(HttpStatus.PAYLOAD_TOO_LARGE, null, "The commit body is larger than " + quota
                            + " bytes; upload large files through LFS (preupload says which).");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            spool.close();
            throw e;
        }
        return spool;
    }

    Path body() {
        return directory.resolve("body.ndjson");
    }

    /** A new file in the spool, for one decoded inline file. */
    Path newFile() {
        return directory.resolve("file-" + files++ + ".bin");
    }

    @Override
    public void close() throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                Files.deleteIfExists(entry);
            }
        }
        Files.deleteIfExists(directory);
    }
}
