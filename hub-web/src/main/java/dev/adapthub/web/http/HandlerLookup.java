package dev.adapthub.web.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Finds a request's controller method with the request's HTTP method read once, not twice for each
 * of the hub's mappings.
 * <p>
 * Spring MVC finds the controller of a path with variables (every repository address,
 * {@code /{owner}/{name}/resolve/...}) by asking each mapping in turn whether it matches, and each asks
 * {@code request.getMethod()} twice (the pre-flight check and the method condition). By the time a
 * request reaches the dispatcher it is wrapped six or seven times (Spring Session, Spring Security's
 * firewall, header writer and servlet API wrappers, the hub's body limit), so every such call passes
 * through each wrapper's cast to {@code HttpServletRequest}. On JDK 17 a cast to an interface that
 * several classes take turns at is slow and contended between cores (JDK-8180450, fixed in JDK 23). In
 * the profile of a signed-in {@code /resolve} the lookup was 43% of all samples, and those casts and
 * {@code getMethod} 28% (docs/benchmarks.md, 2026-12-05).
 */
@Configuration(proxyBeanMethods = false)
class HandlerLookup {

    @Bean
    WebMvcRegistrations methodReadOnce() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new MethodReadOnceMapping();
            }
        };
    }

    /** Looks the handler up on a view of the request that answers {@code getMethod()} from a field. */
    static final class MethodReadOnceMapping extends RequestMappingHandlerMapping {

        @Override
        protected HandlerMethod getHandlerInternal(HttpServletRequest request) throws Exception {
            return super.getHandlerInternal(new MethodReadOnce(request));
        }
    }

    /**
     * The request, with its method read when the lookup starts; everything else, attributes included
     * (the lookup stores the path variables it found there), goes to the request itself.
     */
    static final class MethodReadOnce extends HttpServletRequestWrapper {

        private final String method;

        MethodReadOnce(HttpServletRequest request) {
            super(request);
            this.method = request.getMethod();
        }

        @Override
        public String getMethod() {
            return method;
        }
    }
}
