package dev.adapthub.web.body;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A request whose body can only be read within its {@link BodyLimit}. The limit is chosen at the
 * first read, by whether the caller is authenticated at that moment: anything that reads before
 * authentication (a filter asking for a form parameter, a body bound to a controller argument
 * ahead of the handler's own check) reads as an anonymous caller. Every way in is covered: the
 * stream, the reader, and the form and multipart parsing Tomcat does inside {@code getParameter}
 * and {@code getParts}. A gzip-encoded Git body is inflated here, within the limit, so JGit never
 * inflates a small body into a huge one.
 */
final class BoundedRequest extends HttpServletRequestWrapper {

    static final String REFUSAL = BoundedRequest.class.getName() + ".refusal";

    private final BodyLimit limit;
    private final boolean inflate;
    private Long applied;
    private Boolean authenticated;
    private Refusal refusal;
    private ServletInputStream stream;
    private BufferedReader reader;
    private boolean formChecked;

    BoundedRequest(HttpServletRequest request, BodyLimit limit, boolean gitRequest) {
        super(request);
        this.limit = limit;
        String encoding = request.getHeader("Content-Encoding");
        this.inflate = gitRequest && encoding != null && (encoding.equalsIgnoreCase("gzip")
                || encoding.equalsIgnoreCase("x-gzip"));
    }

    Refusal refusal() {
        return refusal;
    }

    private long applied() {
        if (applied == null) {
            authenticated = authenticated();
            applied = limit.forCaller(authenticated);
        }
        return applied;
    }

    private static boolean authenticated() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    private BodyTooLargeException refuse(Refusal why) {
        if (refusal == null) {
            refusal = why;
            setAttribute(REFUSAL, why);
        }
        return new BodyTooLargeException(refusal.message());
    }

    private BodyTooLargeException overLimit(long declared) {
        return refuse(Refusal.overLimit(limit, applied(), declared, authenticated));
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            long max = applied();
            long declared = super.getContentLengthLong();
            if (refusal != null) {
                throw new BodyTooLargeException(refusal.message());
            }
            if (declared > max) {
                throw overLimit(declared);
            }
            ServletInputStream raw = super.getInputStream();
            stream = new Counting(raw, inflate ? new GZIPInputStream(new Counted(raw, max), 8192) : raw, max);
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (reader == null) {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
        return reader;
    }

    // Inflated here: JGit must not inflate it again, and the inflated length is unknown.
    @Override
    public String getHeader(String name) {
        return inflate && isInflatedHeader(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return inflate && isInflatedHeader(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
    }

    @Override
    public long getContentLengthLong() {
        return inflate ? -1 : super.getContentLengthLong();
    }

    @Override
    public int getContentLength() {
        return inflate ? -1 : super.getContentLength();
    }

    private static boolean isInflatedHeader(String name) {
        return name.equalsIgnoreCase("Content-Encoding") || name.equalsIgnoreCase("Content-Length");
    }

    /**
     * Tomcat parses a POSTed form or multipart body inside {@code getParameter} and {@code getParts},
     * straight from the connection: check the declared length first, and refuse an anonymous form
     * without one (Tomcat would buffer it up to its own, larger bound).
     */
    private void checkForm() {
        if (formChecked || !"POST".equals(getMethod()) || !isParsedByContainer(getContentType())) {
            return;
        }
        formChecked = true;
        long max = applied();
        long declared = super.getContentLengthLong();
        if (declared > max) {
            throw new BodyTooLargeException.Unchecked(overLimit(declared));
        }
        if (declared < 0 && !authenticated) {
            throw new BodyTooLargeException.Unchecked(refuse(Refusal.lengthRequired(limit)));
        }
    }

    private static boolean isParsedByContainer(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data");
    }

    @Override
    public String getParameter(String name) {
        checkForm();
        return super.getParameter(name);
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        checkForm();
        return super.getParameterMap();
    }

    @Override
    public Enumeration<String> getParameterNames() {
        checkForm();
        return super.getParameterNames();
    }

    @Override
    public String[] getParameterValues(String name) {
        checkForm();
        return super.getParameterValues(name);
    }

    @Override
    public Collection<Part> getParts() throws IOException, ServletException {
        checkForm();
        return super.getParts();
    }

    @Override
    public Part getPart(String name) throws IOException, ServletException {
        checkForm();
        return super.getPart(name);
    }

    /** Counts the raw bytes of a gzip body on their way into the inflater. */
    private final class Counted extends InputStream {

        private final InputStream in;
        private final long max;
        private long read;

        Counted(InputStream in, long max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0 && (read += n) > max) {
                throw overLimit(-1);
            }
            return n;
        }
    }

    /** The body as the application reads it, cut off with {@link BodyTooLargeException} past the limit. */
    private final class Counting extends ServletInputStream {

        private final ServletInputStream raw;
        private final InputStream in;
        private final long max;
        private long read;

        Counting(ServletInputStream raw, InputStream in, long max) {
            this.raw = raw;
            this.in = in;
            this.max = max;
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
            if (read > max) {
                throw overLimit(-1);
            }
        }

        @Override
        public boolean isFinished() {
            return raw.isFinished();
        }

        @Override
        public boolean isReady() {
            return raw.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            raw.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
