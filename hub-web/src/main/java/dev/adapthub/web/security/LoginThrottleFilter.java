package dev.adapthub.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses a login attempt with 429 and {@code Retry-After} while its account or address is throttled. */
class LoginThrottleFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottleFilter.class);

    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !("POST".equals(request.getMethod()) && "/login".equals(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long retryAfter = throttle.retryAfterSeconds(request.getParameter("username"), request.getRemoteAddr());
        if (retryAfter > 0) {
            log.warn("Throttled a login for '{}' from {} for {} s", request.getParameter("username"),
                    request.getRemoteAddr(), retryAfter);
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(retryAfter));
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Too many failed sign-ins. Try again in " + retryAfter + " seconds.");
            return;
        }
        chain.doFilter(request, response);
    }
}
