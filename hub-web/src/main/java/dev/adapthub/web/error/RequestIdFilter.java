package dev.adapthub.web.error;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id, sent back as {@code X-Request-Id}, put in the log's MDC and shown
 * on error pages, so a person can quote it and an operator can find the log lines. A request
 * refused with a 4xx that no handler logged is logged here, once ({@link ClientErrorLog}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

    public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";
    public static final String HEADER = "X-Request-Id";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // 48 random bits as 12 hex digits: UUID.randomUUID() draws from one shared SecureRandom,
        // which under load made every request wait on its lock (issue #15 profile).
        String id = newId();
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        MDC.put("requestId", id);
        try {
            chain.doFilter(request, response);
            int status = response.getStatus();
            if (status >= 400 && status < 500 && !request.isAsyncStarted() && !ClientErrorLog.isLogged(request)) {
                String reason = response.getHeader("X-Error-Message");
                ClientErrorLog.log(request, status, reason != null ? reason : reasonPhrase(status));
            }
        } finally {
            MDC.remove("requestId");
        }
    }

    static String newId() {
        long bits = ThreadLocalRandom.current().nextLong() & 0xFFFF_FFFF_FFFFL;
        String hex = Long.toHexString(bits | 0x1_0000_0000_0000L);
        return hex.substring(1, 9) + "-" + hex.substring(9);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }

    private static String reasonPhrase(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "refused" : known.getReasonPhrase();
    }

    /** The id of the request being handled, or "-" outside a request. */
    public static String idOf(jakarta.servlet.ServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id == null ? "-" : id.toString();
    }
}
