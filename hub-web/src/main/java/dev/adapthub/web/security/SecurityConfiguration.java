package dev.adapthub.web.security;

import dev.adapthub.core.token.AccessTokenService;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two filter chains: machines (REST API, Git, LFS) authenticate per request with tokens and
 * need no CSRF; people use pages with form login, a session and CSRF on every form.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self';"
            + " script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Git protocol paths at a repository URL without {@code .git}, as Hugging Face serves them. */
    private static final java.util.regex.Pattern GIT_WITHOUT_SUFFIX = java.util.regex.Pattern.compile(
            "/(info/refs|git-upload-pack|git-receive-pack|info/lfs/.*)$");

    /** Requests from API and Git clients: {@code /api/**} and anything under a {@code *.git} path. */
    static final RequestMatcher MACHINE_REQUESTS = (HttpServletRequest request) -> {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.equals("/api") || path.contains(".git/") || path.endsWith(".git")
                || GIT_WITHOUT_SUFFIX.matcher(path).find();
    };

    @Bean
    @Order(1)
    SecurityFilterChain machineChain(HttpSecurity http, AccessTokenService tokens, UnauthorizedResponder unauthorized)
            throws Exception {
        http.securityMatcher(MACHINE_REQUESTS)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new TokenAuthenticationFilter(tokens, unauthorized),
                        UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'")))
                // Per-repository permissions are decided by the services: public repositories are readable anonymously.
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageChain(HttpSecurity http, LoginThrottle throttle) throws Exception {
        http.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .formLogin(form -> form.loginPage("/login").permitAll()
                        .failureHandler((request, response, e) -> {
                            throttle.recordFailure(request.getParameter("username"), request.getRemoteAddr());
                            response.sendRedirect(request.getContextPath() + "/login?error");
                        })
                        .successHandler((request, response, authentication) -> {
                            throttle.recordSuccess(request.getParameter("username"));
                            response.sendRedirect(request.getContextPath() + "/");
                        }))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?signedOut").permitAll())
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/settings/**", "/organizations/new").authenticated()
                        .anyRequest().permitAll());
        return http.build();
    }
}
