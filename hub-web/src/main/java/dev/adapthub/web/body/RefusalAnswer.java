package dev.adapthub.web.body;

import dev.adapthub.web.error.ClientErrorLog;
import dev.adapthub.web.error.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes a refusal: JSON ({@code error} for the API and Hugging Face clients, {@code message}
 * for git-lfs) with {@code X-Error-Message} to machines, a small page to people. One INFO line.
 */
final class RefusalAnswer {

    private static final Logger log = LoggerFactory.getLogger(RefusalAnswer.class);

    private RefusalAnswer() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response, Refusal refusal) throws IOException {
        String path = BodyLimits.path(request);
        if (response.isCommitted()) {
            log.info("{} {} -> body cut off after the answer had started: {}", request.getMethod(), path,
                    refusal.message());
            return;
        }
        ClientErrorLog.log(request, refusal.status(), refusal.message());
        response.reset();
        response.setStatus(refusal.status());
        response.setHeader(RequestIdFilter.HEADER, RequestIdFilter.idOf(request));
        response.setHeader("X-Error-Message", refusal.message().replaceAll("[^\\x20-\\x7E]", "?"));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        // The rest of the body is not read: the connection cannot carry another request.
        response.setHeader("Connection", "close");
        byte[] body;
        if (BodyLimits.isMachinePath(path) || !accepts(request, "text/html")) {
            response.setHeader("Content-Security-Policy", "default-src 'none'");
            response.setContentType("application/json;charset=UTF-8");
            String json = json(refusal.message());
            body = ("{\"error\":" + json + ",\"message\":" + json + ",\"field\":\"body\"}").getBytes(StandardCharsets.UTF_8);
        } else {
            response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'self'");
            response.setContentType("text/html;charset=UTF-8");
            String title = refusal.status() + (refusal.status() == 413 ? " Request body too large" : " Length required");
            body = ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
                    + "</title></head>\n<body><main><h1>" + title + "</h1>\n<p id=\"error-message\">"
                    + HtmlUtils.htmlEscape(refusal.message()) + "</p>\n<p>Request id <code>"
                    + HtmlUtils.htmlEscape(RequestIdFilter.idOf(request))
                    + "</code></p>\n<p><a href=\"" + HtmlUtils.htmlEscape(request.getContextPath())
                    + "/\">Back to the front page</a></p></main></body></html>\n").getBytes(StandardCharsets.UTF_8);
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    private static boolean accepts(HttpServletRequest request, String type) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains(type);
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
