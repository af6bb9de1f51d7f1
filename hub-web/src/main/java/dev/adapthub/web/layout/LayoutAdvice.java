package dev.adapthub.web.layout;

import dev.adapthub.web.http.ViewHandlers;
import dev.adapthub.web.language.ReturnPaths;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Set;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What the page layout needs to know about the viewer, computed once per request in plain Java:
 * the signed-in name as the request attribute {@code navUser} (null for anonymous readers) and the
 * page the footer's language switch returns to ({@code languageReturn}), which
 * Thymeleaf sees as a variable on every page, error pages included. The layout used
 * {@code sec:authorize="isAuthenticated()"}, which builds and evaluates a SpEL access expression
 * (and looks up a logger) per use; in the issue #15 profile that was a visible share of a page.
 */
@Configuration
class LayoutAdvice implements WebMvcConfigurer {

    static final String NAV_USER = "navUser";
    /** The page the footer's language switch returns to. */
    static final String LANGUAGE_RETURN = "languageReturn";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (ViewHandlers.rendersView(handler)) {
                    // Every template is an HTML page, as if the handler said produces = "text/html". Without
                    // it a client accepting */* (curl, wrk) left Thymeleaf to take the type from the URL's
                    // extension: the file page of config.json went out as application/json.
                    request.setAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE, Set.of(MediaType.TEXT_HTML));
                }
                request.setAttribute(NAV_USER, signedInName(request));
                request.setAttribute(LANGUAGE_RETURN, ReturnPaths.of(request));
                return true;
            }
        });
    }

    static String signedInName(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        if (principal == null || principal instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return principal.getName();
    }
}
