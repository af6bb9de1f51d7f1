package dev.adapthub.web.api;

import dev.adapthub.core.common.HubException;
import dev.adapthub.web.error.ClientErrorLog;
import dev.adapthub.web.error.HubStatus;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * API errors as JSON {@code {"error": ..., "field": ...}} with the status the domain's exception
 * names, and the {@code X-Error-Message} header the Hugging Face clients read.
 */
@RestControllerAdvice(basePackages = "dev.adapthub.web.api")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrorAdvice {

    @ExceptionHandler(HubException.class)
    ResponseEntity<Map<String, Object>> domain(HubException e, HttpServletRequest request) {
        HttpStatus status = HubStatus.of(e);
        return error(request, status, e.getMessage(), e.field());
    }

    @ExceptionHandler(ApiAuth.UnauthenticatedException.class)
    ResponseEntity<Map<String, Object>> unauthenticated(ApiAuth.UnauthenticatedException e, HttpServletRequest request) {
        ResponseEntity<Map<String, Object>> response = error(request, HttpStatus.UNAUTHORIZED, e.getMessage(), null);
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                .header("WWW-Authenticate", "Bearer realm=\"AdaptHub\"").body(response.getBody());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return error(request, HttpStatus.BAD_REQUEST, "The request body is not valid JSON of the expected shape.", "body");
    }

    static ResponseEntity<Map<String, Object>> error(HttpServletRequest request, HttpStatus status, String message,
            String field) {
        ClientErrorLog.log(request, status.value(), message);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        if (field != null) {
            body.put("field", field);
        }
        return ResponseEntity.status(status).header("X-Error-Message", message.replaceAll("[^\\x20-\\x7E]", "?"))
                .body(body);
    }
}
