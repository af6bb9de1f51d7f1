package dev.adapthub.web.audit;

import dev.adapthub.core.audit.ClientAddress;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the audit log which address a request came from ({@link ClientAddress}), around everything
 * else, Spring Security's sign-in included. The address is the connection's, as the sign-in
 * throttle uses it: the hub trusts no forwarding header it cannot verify.
 */
class ClientAddressFilter extends OncePerRequestFilter {

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<ClientAddressFilter> clientAddressFilter() {
            FilterRegistrationBean<ClientAddressFilter> registration =
                    new FilterRegistrationBean<>(new ClientAddressFilter());
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
            registration.addUrlPatterns("/*");
            return registration;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ClientAddress.set(request.getRemoteAddr());
        try {
            chain.doFilter(request, response);
        } finally {
            ClientAddress.clear();
        }
    }
}
