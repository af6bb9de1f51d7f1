package dev.adapthub.web.language;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives the footer's language switch the page to return to, as the request attribute
 * {@value #RETURN_PATH}: this request's path and query (an error page's: the failed request's path).
 */
@Configuration
class LanguageAdvice implements WebMvcConfigurer {

    static final String RETURN_PATH = "languageReturn";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                request.setAttribute(RETURN_PATH, returnPath(request));
                return true;
            }
        });
    }

    static String returnPath(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = failed instanceof String s ? s : request.getRequestURI();
        String path = uri.substring(Math.min(request.getContextPath().length(), uri.length()));
        String query = failed == null ? request.getQueryString() : null;
        return LanguageController.localPath(query == null ? path : path + '?' + query);
    }
}
