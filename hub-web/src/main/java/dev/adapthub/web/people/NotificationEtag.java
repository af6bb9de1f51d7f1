package dev.adapthub.web.people;

import dev.adapthub.web.http.PageEtag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts a signed-in viewer's unread notification count into every page's ETag
 * ({@link PageEtag#VIEWER_STATE}): the header shows it, so a 304 for an unchanged repository page
 * would otherwise hide a new notification.
 */
@Configuration
class NotificationEtag implements WebMvcConfigurer {

    private final NotificationBadge badge;

    NotificationEtag(NotificationBadge badge) {
        this.badge = badge;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                Principal principal = request.getUserPrincipal();
                if (principal != null && !(principal instanceof AnonymousAuthenticationToken)
                        && "GET".equals(request.getMethod())) {
                    request.setAttribute(PageEtag.VIEWER_STATE, "unread " + badge.unread(principal.getName()));
                }
                return true;
            }
        });
    }
}
