package dev.adapthub.web.matrix;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * Passes a response through unchanged and keeps a copy of its body (up to a limit), for
 * {@link AnonymousPageCache}. Unlike Spring's {@code ContentCachingResponseWrapper}, a flush
 * (Thymeleaf flushes when it is done) neither empties the copy nor holds the bytes back.
 */
final class TeeResponse extends HttpServletResponseWrapper {

    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
    private final int limit;
    private boolean overflow;
    private ServletOutputStream stream;
    private PrintWriter writer;

    TeeResponse(HttpServletResponse response, int limit) {
        super(response);
        this.limit = limit;
    }

    /** The body as sent, or null when it was larger than the limit. */
    byte[] body() {
        if (writer != null) {
            writer.flush();
        }
        return overflow ? null : copy.toByteArray();
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            ServletOutputStream out = super.getOutputStream();
            stream = new ServletOutputStream() {
                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    keep(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    keep(b, off, len);
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public boolean isReady() {
                    return out.isReady();
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    out.setWriteListener(listener);
                }
            };
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), Charset.forName(getCharacterEncoding())));
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        super.flushBuffer();
    }

    private void keep(byte[] b, int off, int len) {
        if (overflow || copy.size() + len > limit) {
            overflow = true;
            return;
        }
        copy.write(b, off, len);
    }
}
