package dev.adapthub.web.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The rendered bytes of pages named by an ETag ({@link PageEtag}), kept by full URL (scheme, host,
 * port, path and query) and ETag. An ETag
 * already names everything its page is made of (the commit, the repository's settings, the
 * viewer, their session and language, the build): it is what lets a browser reuse its copy with a
 * 304. The same promise lets the hub reuse its own copy for the next request with that ETag, so a
 * repository, folder or file page is rendered once per commit and viewer instead of once per view
 * (issue #15: Thymeleaf was two thirds of a repository page). An entry can never go stale, so
 * nothing is invalidated; least recently used pages go first when {@code hub.pages.cache-size} is
 * full.
 *
 * <p>A page is kept only when it was rendered completely with status 200 as HTML, and the session
 * it was rendered for is still the request's session afterwards: a page whose rendering opened a
 * session (a CSRF token for a reader who had none) names that session in its forms and is never
 * handed to anyone else.
 */
@Component
public class RenderedPages extends OncePerRequestFilter implements Ordered {

    /** Request attribute: this cache, for {@link PageEtag}, which is called from controllers. */
    private static final String SELF = RenderedPages.class.getName();
    /** Request attribute: the {@link Capture} a controller asked for by rendering a page with an ETag. */
    static final String CAPTURE = RenderedPages.class.getName() + ".capture";
    static final int MAX_PAGE = 512 * 1024;

    record Key(String url, String etag) {
    }

    /** What the request's page is stored under, and the session it was rendered for (null: none). */
    record Capture(Key key, String sessionId) {
    }

    record Page(String contentType, String contentLanguage, byte[] body) {
    }

    private final Cache<Key, Page> pages;
    private final Counter hits;
    private final Counter stored;

    RenderedPages(@Value("${hub.pages.cache-size:16MB}") DataSize size, MeterRegistry meters) {
        if (size.isNegative()) {
            throw new IllegalArgumentException("hub.pages.cache-size is " + size + ": give 0 (keep no pages) or a size"
                    + " such as 16MB");
        }
        this.pages = Caffeine.newBuilder()
                .maximumWeight(size.toBytes())
                .<Key, Page>weigher((k, p) -> p.body().length + k.url().length() + k.etag().length())
                .build();
        this.hits = meters.counter("hub.pages.rendered", "answer", "kept");
        this.stored = meters.counter("hub.pages.rendered", "answer", "rendered");
    }

    /** After the security filters (the viewer is known), around the dispatcher servlet. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 50;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.setAttribute(SELF, this);
        CapturingResponse capturing = new CapturingResponse(response, MAX_PAGE, () -> request.getAttribute(CAPTURE) != null);
        chain.doFilter(request, capturing);
        byte[] body = capturing.captured();
        String type = capturing.getContentType();
        if (request.getAttribute(CAPTURE) instanceof Capture capture && capturing.getStatus() == 200 && body != null
                && type != null && type.startsWith("text/html") && Objects.equals(capture.sessionId(), sessionId(request))) {
            pages.put(capture.key(), new Page(type, capturing.getHeader("Content-Language"), body));
            stored.increment();
        }
    }

    /**
     * Called by {@link PageEtag} once a page's ETag is known and the client has no copy: answers
     * with the page kept for this URL and ETag (true), or asks this filter to keep the page the
     * controller is about to render (false). Outside this filter (a request it did not see) false.
     */
    static boolean answer(HttpServletRequest request, HttpServletResponse response, String etag) throws IOException {
        if (!(request.getAttribute(SELF) instanceof RenderedPages self)) {
            return false;
        }
        // The whole URL as this request names it: pages carry absolute links built from the host the
        // reader used (the clone URL, og:url), so a page kept for one host name is not another's.
        String query = request.getQueryString();
        Key key = new Key(request.getRequestURL() + (query == null ? "" : "?" + query), etag);
        Page page = self.pages.getIfPresent(key);
        if (page == null) {
            request.setAttribute(CAPTURE, new Capture(key, sessionId(request)));
            return false;
        }
        self.hits.increment();
        response.setContentType(page.contentType());
        if (page.contentLanguage() != null) {
            response.setHeader("Content-Language", page.contentLanguage());
        }
        response.setContentLength(page.body().length);
        response.getOutputStream().write(page.body());
        return true;
    }

    private static String sessionId(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : session.getId();
    }
}
