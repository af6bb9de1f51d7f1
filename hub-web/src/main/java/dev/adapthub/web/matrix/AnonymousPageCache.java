package dev.adapthub.web.matrix;

import dev.adapthub.core.adaptation.AdaptationIndex;
import dev.adapthub.web.http.CapturingResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.Ordered;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * A micro-cache of the rendered Tool Center and matrix for anonymous readers: the same bytes
 * for every anonymous request of the same URL for up to {@link #TTL}, and never across a change
 * of the adaptation index. These are the hub's most-read pages and the same for every anonymous
 * viewer (no CSRF token, no name in the navigation), so rendering them once per second instead
 * of once per request is what keeps them fast under load (docs/benchmarks.md). Signed-in
 * requests, other paths and non-200 answers pass through untouched; only the body and its type
 * are kept (headers such as the security ones are written fresh by the filters before this one).
 */
@Component
class AnonymousPageCache extends OncePerRequestFilter implements Ordered {

    static final Set<String> PATHS = Set.of("/tools", "/matrix", "/api/matrix");
    static final Duration TTL = Duration.ofSeconds(1);
    static final int MAX_ENTRIES = 256;
    static final int MAX_BODY = 1024 * 1024;
    static final int MAX_KEY = 1024;

    private record Entry(long generation, long expiresAt, String contentType, byte[] body) {
    }

    private final AdaptationIndex index;
    private final LocaleResolver locales;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    AnonymousPageCache(AdaptationIndex index, LocaleResolver locales) {
        this.index = index;
        this.locales = locales;
    }

    /** After Spring Security's filters, so the request's authentication is known. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 100;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"GET".equals(request.getMethod()) || !PATHS.contains(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // The page comes in the reader's language (cookie or Accept-Language): one entry per language.
        String key = locales.resolveLocale(request).toLanguageTag() + ' ' + key(request);
        if (!anonymous() || key.length() > MAX_KEY) {
            chain.doFilter(request, response);
            return;
        }
        long now = System.nanoTime();
        long generation = index.generation();
        Entry hit = entries.get(key);
        if (hit != null && hit.generation() == generation && now - hit.expiresAt() < 0) {
            response.setContentType(hit.contentType());
            response.setContentLength(hit.body().length);
            response.getOutputStream().write(hit.body());
            return;
        }
        CapturingResponse tee = new CapturingResponse(response, MAX_BODY, () -> true);
        chain.doFilter(request, tee);
        byte[] body = tee.captured();
        if (tee.getStatus() == 200 && body != null && body.length > 0 && tee.getContentType() != null) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, new Entry(generation, now + TTL.toNanos(), tee.getContentType(), body));
        }
    }

    /** The path and the request's parameters in a fixed order: what the page is rendered from. */
    static String key(HttpServletRequest request) {
        StringBuilder key = new StringBuilder(request.getRequestURI()).append('?');
        new TreeMap<>(request.getParameterMap()).forEach((name, values) -> {
            for (String value : values) {
                key.append(name).append('=').append(value).append('&');
            }
        });
        return key.toString();
    }

    private static boolean anonymous() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated();
    }
}
