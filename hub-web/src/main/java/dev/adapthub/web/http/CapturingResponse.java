package dev.adapthub.web.http;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.function.BooleanSupplier;

/**
 * Passes everything through to the client and, when asked to at the moment the body is opened,
 * keeps a copy of the bytes written ({@link RenderedPages} asks when a controller named its page
 * by an ETag; the matrix's anonymous cache always asks). The copy is dropped when it grows past its
 * limit, the response is reset or an error is sent: only a whole, ordinary page is ever kept.
 * Responses nobody asked to keep (file downloads, the API) get the container's own stream untouched.
 * Unlike Spring's {@code ContentCachingResponseWrapper}, nothing is held back from the client.
 */
public final class CapturingResponse extends HttpServletResponseWrapper {

    private final BooleanSupplier asked;
    private final int limit;
    private ByteArrayOutputStream copy;
    private boolean spoiled;
    private ServletOutputStream stream;
    private PrintWriter writer;

    /** @param asked whether to keep a copy, asked once, when the body is first opened */
    public CapturingResponse(HttpServletResponse response, int limit, BooleanSupplier asked) {
        super(response);
        this.asked = asked;
        this.limit = limit;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (writer != null) {
            throw new IllegalStateException("getWriter() was already called on this response");
        }
        if (stream == null) {
            ServletOutputStream real = super.getOutputStream();
            stream = wanted() ? new Tee(real) : real;
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            if (stream != null || !wanted()) {
                // Not kept (or the stream was taken first, which the container would refuse anyway).
                return writer = super.getWriter();
            }
            Charset charset = Charset.forName(getCharacterEncoding());
            stream = new Tee(super.getOutputStream());
            writer = new PrintWriter(new OutputStreamWriter(stream, charset), false);
        }
        return writer;
    }

    private boolean wanted() {
        if (!asked.getAsBoolean()) {
            return false;
        }
        copy = new ByteArrayOutputStream(16 * 1024);
        return true;
    }

    /**
     * The bytes written, or null when nothing whole was kept. Call it once the response is done:
     * it flushes the writer this wrapper made (the container only flushes its own).
     */
    public byte[] captured() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        return copy == null || spoiled ? null : copy.toByteArray();
    }

    @Override
    public void flushBuffer() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        super.flushBuffer();
    }

    @Override
    public void reset() {
        spoiled = true;
        super.reset();
    }

    @Override
    public void resetBuffer() {
        spoiled = true;
        super.resetBuffer();
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        spoiled = true;
        super.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
        spoiled = true;
        super.sendError(sc);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        spoiled = true;
        super.sendRedirect(location);
    }

    private final class Tee extends ServletOutputStream {

        private final ServletOutputStream real;

        Tee(ServletOutputStream real) {
            this.real = real;
        }

        @Override
        public void write(int b) throws IOException {
            real.write(b);
            keep(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            real.write(b, off, len);
            keep(b, off, len);
        }

        private void keep(byte[] b, int off, int len) {
            if (spoiled) {
                return;
            }
            if (copy.size() + len > limit) {
                spoiled = true;
                copy = null;
                return;
            }
            copy.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            real.flush();
        }

        @Override
        public void close() throws IOException {
            real.close();
        }

        @Override
        public boolean isReady() {
            return real.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            real.setWriteListener(listener);
        }
    }
}
