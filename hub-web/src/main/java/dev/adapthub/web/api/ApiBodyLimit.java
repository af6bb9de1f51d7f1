package dev.adapthub.web.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds the bodies of API requests before anything reads them: Spring reads a whole JSON body
 * into memory before a handler can check its size, so without this a few anonymous requests with
 * tens of megabytes (found in review) fill the heap. A declared length over the limit gets 413 at
 * once; a chunked body is cut off at the limit ({@link BodyTooLargeException}, also 413).
 * The NDJSON commit endpoints stream and bound their own bodies (64 MiB) and are left alone.
 */
@Component
public class ApiBodyLimit extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiBodyLimit.class);

    /** JSON bodies: pull requests with files, preupload, paths-info (the largest legitimate ones are ~200 KB). */
    static final long MAX_BYTES = 2L << 20;
    /** {@code POST /api/repos/create} may carry the JS client's initial files inline. */
    static final long MAX_CREATE_BYTES = 16L << 20;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String method = request.getMethod();
        return !path.startsWith("/api/") || path.contains("/commit/")
                || !(method.equals("POST") || method.equals("PUT") || method.equals("PATCH"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        long limit = path.equals("/api/repos/create") ? MAX_CREATE_BYTES : MAX_BYTES;
        if (request.getContentLengthLong() > limit) {
            String message = "The request body has " + request.getContentLengthLong() + " bytes; this endpoint takes at"
                    + " most " + (limit >> 20) + " MiB.";
            log.info("{} {} -> 413: {}", request.getMethod(), path, message);
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setHeader("X-Error-Message", message);
            response.setContentType("application/json");
            response.getOutputStream().write(("{\"error\":\"" + message + "\",\"field\":\"body\"}")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    /** The cut-off that made a body unreadable, if that is why: error advice answers it with 413. */
    public static Optional<String> tooLarge(Throwable unreadable) {
        for (Throwable cause = unreadable; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException) {
                return Optional.of(cause.getMessage());
            }
        }
        return Optional.empty();
    }

    /** Thrown while reading a body (sent without a length) past the limit. */
    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long limit) {
            super("The request body is larger than this endpoint takes: at most " + (limit >> 20) + " MiB.");
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        Counting(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
