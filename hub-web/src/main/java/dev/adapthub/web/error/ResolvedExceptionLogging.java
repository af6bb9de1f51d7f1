package dev.adapthub.web.error;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.support.DefaultHandlerExceptionResolver;

/**
 * Spring MVC logs every request it refuses itself (405, 415, a missing parameter) at WARN; those
 * are clients' mistakes, logged once at INFO by {@link RequestIdFilter} instead.
 */
@Configuration(proxyBeanMethods = false)
class ResolvedExceptionLogging implements WebMvcConfigurer {

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        for (HandlerExceptionResolver resolver : resolvers) {
            if (resolver instanceof DefaultHandlerExceptionResolver mvc) {
                mvc.setWarnLogCategory(null);
            }
        }
    }
}
