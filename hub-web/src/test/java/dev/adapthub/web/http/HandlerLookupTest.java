package dev.adapthub.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.web.support.HubWebTest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The controller of a repository address is found with the request's method read a fixed number of
 * times, however many mappings the hub has: behind six or seven wrappers every read is costly
 * ({@link HandlerLookup}). The lookup still finds the right method and its path variables.
 */
@HubWebTest
class HandlerLookupTest {

    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    @Test
    void aResolveIsFoundWithItsMethodReadAFixedNumberOfTimesAndItsVariablesBound() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        MockHttpServletRequest plain = new MockHttpServletRequest("GET", "/acme/llama/resolve/main/config.json");
        HttpServletRequest counted = new HttpServletRequestWrapper(plain) {
            @Override
            public String getMethod() {
                reads.incrementAndGet();
                return super.getMethod();
            }
        };
        ServletRequestPathUtils.parseAndCache(counted);

        HandlerExecutionChain chain = mappings.getHandler(counted);

        assertThat(chain).isNotNull();
        assertThat(((HandlerMethod) chain.getHandler()).getMethod().getName()).isEqualTo("resolve");
        assertThat(plain.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE))
                .isEqualTo(Map.of("owner", "acme", "name", "llama"));
        // Read once for the lookup, and by the checks around it (CORS); not twice per mapping.
        assertThat(mappings.getHandlerMethods()).hasSizeGreaterThan(50);
        assertThat(reads.get()).isLessThanOrEqualTo(3);
    }
}
