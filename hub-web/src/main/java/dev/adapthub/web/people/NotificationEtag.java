package dev.adapthub.web.people;

import dev.adapthub.web.http.PageEtag;
import dev.adapthub.web.http.ViewHandlers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Counts a signed-in viewer's unread notifications once per page (not for API answers or downloads,
 * which show no header): the header shows the count
 * (request attribute {@value #UNREAD}, read by {@code notifications/nav.html}) and every page's ETag
 * covers it ({@link PageEtag#VIEWER_STATE}), since a 304 for an unchanged repository page would
 * otherwise hide a new notification.
 */
@Configuration
class NotificationEtag implements WebMvcConfigurer {

    static final String UNREAD = "navUnread";

    private final NotificationBadge badge;

    NotificationEtag(NotificationBadge badge) {
        this.badge = badge;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (!ViewHandlers.rendersView(handler)) {
                    return true;
                }
                Principal principal = request.getUserPrincipal();
                if (principal != null && !(principal instanceof AnonymousAuthenticationToken)) {
                    long unread = badge.unread(principal.getName());
                    request.setAttribute(UNREAD, unread);
                    request.setAttribute(PageEtag.VIEWER_STATE, "unread " + unread);
                }
                return true;
            }
        });
    }
}
