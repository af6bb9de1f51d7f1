package dev.adapthub.web.http;

import dev.adapthub.core.status.Incident;
import dev.adapthub.core.status.Incidents;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What every page shows beyond its own content: the banner of ongoing incidents. It is handed to
 * {@link PageEtag} once per page request ({@link PageEtag#SITE_STATE}), so every page's ETag covers it
 * and opening or resolving an incident is never hidden behind a 304 or a kept page.
 */
@Configuration
public class SiteState implements WebMvcConfigurer {

    private final Incidents incidents;

    SiteState(Incidents incidents) {
        this.incidents = incidents;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (ViewHandlers.rendersView(handler)) {
                    request.setAttribute(PageEtag.SITE_STATE, banner());
                }
                return true;
            }
        });
    }

    /** The ongoing incidents as id, status and last change; cheap (the list is cached for seconds). */
    public String banner() {
        return incidents.ongoing().stream().map(SiteState::mark).collect(Collectors.joining(","));
    }

    private static String mark(Incident i) {
        return i.id() + ":" + i.status() + ":" + i.updatedAt();
    }
}
