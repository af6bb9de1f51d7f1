package dev.adapthub.web.body;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body, whatever the path and whoever reads it: runs first (after the
 * request id), refuses a declared length over anything the route takes, and hands the rest of
 * the application a {@link BoundedRequest}, whose limit depends on whether the caller has
 * authenticated by the time the body is read, and a {@link RefusingResponse}, which turns any
 * answer to a cut-off body into the 413.
 * <p>
 * Why this is needed at all: Spring MVC reads a {@code @RequestBody} while it resolves the
 * handler's arguments, before the handler's first line checks the caller; Spring Security reads
 * form parameters (the CSRF token, a signed upload link) before anyone is authenticated; and
 * Tomcat parses forms and multipart bodies inside {@code getParameter}.
 */
class BodyLimitFilter extends OncePerRequestFilter {

    private final BodyLimits limits;

    BodyLimitFilter(BodyLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        BodyLimit limit = limits.of(request);
        long declared = request.getContentLengthLong();
        if (declared > limit.most()) {
            RefusalAnswer.write(request, response, Refusal.overLimit(limit, limit.most(), declared, null));
            return;
        }
        String path = BodyLimits.path(request);
        boolean git = path.endsWith("/git-upload-pack") || path.endsWith("/git-receive-pack");
        BoundedRequest bounded = new BoundedRequest(request, limit, git);
        RefusingResponse refusing = new RefusingResponse(response, request, bounded);
        try {
            chain.doFilter(bounded, refusing);
        } catch (IOException | ServletException | RuntimeException e) {
            if (bounded.refusal() == null) {
                throw e;
            }
        } finally {
            refusing.answerRefusal();
        }
    }
}
