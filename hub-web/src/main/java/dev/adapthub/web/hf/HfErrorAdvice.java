package dev.adapthub.web.hf;

import dev.adapthub.core.common.HubException;
import dev.adapthub.web.api.ApiAuth;
import dev.adapthub.web.error.ClientErrorLog;
import dev.adapthub.web.error.HubStatus;
import dev.adapthub.web.error.ParameterErrors;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of the compatible API as the Hugging Face clients read them: a JSON {@code {"error"}}
 * body, {@code X-Error-Message}, and {@code X-Error-Code} where the clients branch on it.
 */
@RestControllerAdvice(basePackages = "dev.adapthub.web.hf")
@Order(Ordered.HIGHEST_PRECEDENCE)
class HfErrorAdvice {

    @ExceptionHandler(HfError.class)
    ResponseEntity<Map<String, Object>> hf(HfError e, HttpServletRequest request) {
        return error(request, e.status(), e.code(), e.getMessage());
    }

    @ExceptionHandler(HubException.class)
    ResponseEntity<Map<String, Object>> domain(HubException e, HttpServletRequest request) {
        return error(request, HubStatus.of(e), null, e.getMessage());
    }

    @ExceptionHandler(ApiAuth.UnauthenticatedException.class)
    ResponseEntity<Map<String, Object>> unauthenticated(ApiAuth.UnauthenticatedException e,
            HttpServletRequest request) {
        ResponseEntity<Map<String, Object>> response = error(request, HttpStatus.UNAUTHORIZED, null, e.getMessage());
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                .header("WWW-Authenticate", "Bearer realm=\"AdaptHub\"").body(response.getBody());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mistyped(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return error(request, HttpStatus.BAD_REQUEST, null, ParameterErrors.message(e));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return error(request, HttpStatus.BAD_REQUEST, null, "The request body is not valid JSON of the expected shape.");
    }

    static ResponseEntity<Map<String, Object>> error(HttpServletRequest request, HttpStatus status, String code,
            String message) {
        ClientErrorLog.log(request, status.value(), code == null ? message : code + ": " + message);
        var response = ResponseEntity.status(status)
                .header("X-Error-Message", message.replaceAll("[^\\x20-\\x7E]", "?"));
        if (code != null) {
            response.header("X-Error-Code", code);
        }
        return response.body(Map.of("error", message));
    }
}
