package dev.adapthub.web.security;

import dev.adapthub.core.throttle.Verdict;
import dev.adapthub.web.error.ClientErrorLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts every sign-in attempt before Spring Security checks its password, and refuses it with
 * 429 and {@code Retry-After} when its account or address is over the limit.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

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
        Verdict verdict = throttle.attempt(request.getParameter("username"), request.getRemoteAddr());
        if (!verdict.allowed()) {
            long retryAfter = verdict.retryAfterSeconds();
            ClientErrorLog.log(request, 429, "sign-in throttled for " + retryAfter + " s (attempt "
                    + verdict.attempt() + " in this window)");
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(retryAfter));
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Too many failed sign-ins. Try again in " + retryAfter + " seconds.");
            return;
        }
        chain.doFilter(request, response);
    }
}
