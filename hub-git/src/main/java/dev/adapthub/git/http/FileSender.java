package dev.adapthub.git.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Sends one stored file (an LFS object, a Git blob) as a download: {@code ETag},
 * {@code If-None-Match} (304), single {@code Range} requests (206, 416) honouring {@code If-Range},
 * and {@code HEAD}. Callers set the content type and their own headers first.
 * <p>
 * A body that is a file on disk goes out with Tomcat's sendfile when the connector offers it (the
 * {@code org.apache.tomcat.sendfile.*} request attributes): the kernel copies the page cache to the
 * socket, no byte passes through the JVM's heap, and no request thread waits on a slow client.
 * Other servlet containers, and bodies that are not plain files, are copied through a buffer.
 */
public final class FileSender {

    static final String SENDFILE_SUPPORT = "org.apache.tomcat.sendfile.support";
    static final String SENDFILE_FILENAME = "org.apache.tomcat.sendfile.filename";
    static final String SENDFILE_START = "org.apache.tomcat.sendfile.start";
    static final String SENDFILE_END = "org.apache.tomcat.sendfile.end";
    /** Below this a copy is cheaper than handing the file to Tomcat's poller (its DefaultServlet's threshold). */
    static final long SENDFILE_MIN_BYTES = 48 * 1024;

    private FileSender() {
    }

    /** Opens the bytes from the beginning; called at most once per request. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    /**
     * @param etag the quoted strong ETag of the content
     * @param size the content's length
     * @param file the content as a regular file, or null when it is only a stream (then sendfile is not used)
     * @param opener the content as a stream, for containers without sendfile and for small answers
     */
    public static void send(HttpServletRequest request, HttpServletResponse response, String etag, long size,
            Path file, Opener opener) throws IOException {
        response.setHeader("ETag", etag);
        response.setHeader("Accept-Ranges", "bytes");
        if (Conditionals.matches(request.getHeader("If-None-Match"), etag)) {
            response.setStatus(304);
            return;
        }
        String rangeHeader = Conditionals.rangeApplies(request.getHeader("If-Range"), etag)
                ? request.getHeader("Range") : null;
        ByteRange.Request wanted = ByteRange.of(rangeHeader, size);
        if (wanted instanceof ByteRange.Unsatisfiable) {
            response.setStatus(416);
            response.setHeader("Content-Range", "bytes */" + size);
            response.setContentLengthLong(0);
            return;
        }
        ByteRange range = wanted instanceof ByteRange.Part part ? part.range() : new ByteRange(0, size - 1);
        if (wanted instanceof ByteRange.Part) {
            response.setStatus(206);
            response.setHeader("Content-Range", range.contentRange(size));
        }
        long length = Math.max(0, range.length());
        response.setContentLengthLong(length);
        if ("HEAD".equals(request.getMethod()) || length == 0) {
            return;
        }
        if (file != null && length >= SENDFILE_MIN_BYTES && Boolean.TRUE.equals(request.getAttribute(SENDFILE_SUPPORT))) {
            request.setAttribute(SENDFILE_FILENAME, file.toAbsolutePath().toString());
            request.setAttribute(SENDFILE_START, range.first());
            request.setAttribute(SENDFILE_END, range.first() + length);
            return;
        }
        try (InputStream in = opener.open()) {
            in.skipNBytes(range.first());
            copy(in, response.getOutputStream(), length);
        }
    }

    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("file ended " + left + " bytes early");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }
}
