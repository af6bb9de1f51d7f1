package dev.adapthub.web.body;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/** Registers the body limit ahead of every other filter but the request id. */
@Configuration(proxyBeanMethods = false)
class BodyLimitConfiguration {

    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(BodyLimits limits) {
        FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(new BodyLimitFilter(limits));
        // After RequestIdFilter (HIGHEST_PRECEDENCE), before Boot's form filter and Spring Security.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/*");
        registration.setAsyncSupported(true);
        return registration;
    }

    /**
     * A body cut off while Spring MVC read it (a {@code @RequestBody}, multipart parts, a
     * handler's own stream) is handled here, before any advice could log it as a bad request:
     * the {@link RefusingResponse} writes the 413 when the request leaves the filter.
     */
    @Bean
    HandlerExceptionResolver bodyTooLargeResolver() {
        return new OrderedResolver();
    }

    private static final class OrderedResolver implements HandlerExceptionResolver, Ordered {

        @Override
        public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                Exception ex) {
            return request.getAttribute(BoundedRequest.REFUSAL) != null && BodyTooLargeException.causes(ex)
                    ? new ModelAndView() : null;
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
