package dev.adapthub.web.status;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.function.LongConsumer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts pushes (a {@code git-receive-pack} POST answered 200) and LFS object bytes (the bodies of
 * uploads to and downloads from {@code …/info/lfs/objects/{oid}}, whichever URL form they use) for
 * {@link HubMetrics}. It wraps only those requests' streams; everything else passes untouched.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class GitTrafficFilter extends OncePerRequestFilter {

    private static final String LFS_OBJECTS = "/info/lfs/objects/";

    private final HubMetrics metrics;

    GitTrafficFilter(HubMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return !isPush(request) && !(uri.contains(LFS_OBJECTS) && !uri.endsWith("/batch"));
    }

    private static boolean isPush(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && request.getRequestURI().endsWith("/git-receive-pack");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isPush(request)) {
            chain.doFilter(request, response);
            if (response.getStatus() == 200) {
                metrics.pushed();
            }
            return;
        }
        // Counted as the bytes pass, not at the end: the LFS servlet streams asynchronously, after this returns.
        chain.doFilter(new CountingRequest(request, metrics::lfsUploaded),
                new CountingResponse(response, metrics::lfsDownloaded));
    }

    private static final class CountingRequest extends HttpServletRequestWrapper {
        private final LongConsumer count;
        private ServletInputStream stream;

        CountingRequest(HttpServletRequest request, LongConsumer count) {
            super(request);
            this.count = count;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream delegate = super.getInputStream();
                stream = new ServletInputStream() {
                    @Override
                    public int read() throws IOException {
                        int b = delegate.read();
                        if (b >= 0) {
                            count.accept(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        int n = delegate.read(b, off, len);
                        if (n > 0) {
                            count.accept(n);
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return delegate.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return delegate.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        delegate.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }

    private static final class CountingResponse extends HttpServletResponseWrapper {
        private final LongConsumer count;
        private ServletOutputStream stream;

        CountingResponse(HttpServletResponse response, LongConsumer count) {
            super(response);
            this.count = count;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                ServletOutputStream delegate = super.getOutputStream();
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        delegate.write(b);
                        count.accept(1);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        delegate.write(b, off, len);
                        count.accept(len);
                    }

                    @Override
                    public void flush() throws IOException {
                        delegate.flush();
                    }

                    @Override
                    public boolean isReady() {
                        return delegate.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        delegate.setWriteListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
