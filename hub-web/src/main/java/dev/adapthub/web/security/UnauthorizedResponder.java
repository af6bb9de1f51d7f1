package dev.adapthub.web.security;

import dev.adapthub.web.error.ClientErrorLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/**
 * The 401 for API and Git clients: a Basic challenge (so {@code git} asks for credentials)
 * and a JSON body that says what to do.
 */
@Component
class UnauthorizedResponder implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        respond(request, response, "Authentication required: send a personal access token as"
                + " 'Authorization: Bearer <token>' or as the password of HTTP Basic.");
    }

    void respond(HttpServletRequest request, HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Basic realm=\"AdaptHub\", charset=\"UTF-8\"");
        ClientErrorLog.log(request, HttpServletResponse.SC_UNAUTHORIZED, message);
        json(response, message);
    }

    /** 429 with {@code Retry-After}: the client should wait, not ask for other credentials. */
    void throttled(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds, String message)
            throws IOException {
        ClientErrorLog.log(request, 429, message);
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        json(response, message);
    }

    private static void json(HttpServletResponse response, String message) throws IOException {
        response.setHeader("X-Error-Message", message);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"error\":\"" + message.replace("\"", "'") + "\"}");
    }
}
