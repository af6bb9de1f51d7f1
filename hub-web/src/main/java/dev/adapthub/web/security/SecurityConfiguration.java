package dev.adapthub.web.security;

import dev.adapthub.core.event.SignIn;
import dev.adapthub.core.throttle.Throttle;
import dev.adapthub.core.token.AccessTokenService;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;

/**
 * Four filter chains: machines (REST API, Git, LFS, downloads with a token) authenticate per
 * request with tokens and need no CSRF; people use pages with form login, a session and CSRF on
 * every form; the OpenAPI page has a CSP of its own; Actuator answers health to anyone and
 * everything else only to administrators (token or session).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self';"
            + " script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Git protocol paths at a repository URL without {@code .git}, as Hugging Face serves them. */
    private static final java.util.regex.Pattern GIT_WITHOUT_SUFFIX = java.util.regex.Pattern.compile(
            "/(info/refs|git-upload-pack|git-receive-pack|info/lfs/.*)$");

    /**
     * Requests from API and Git clients: {@code /api/**}, anything under a {@code *.git} path, and
     * downloads that carry a token: files ({@code /resolve/} and {@code /raw/}, as the Hugging Face clients send
     * them) and validated configs ({@code /adaptations/…}, bundles and reports), so a token reads
     * private repositories there as it does through the API.
     */
    static final RequestMatcher MACHINE_REQUESTS = (HttpServletRequest request) -> {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.equals("/api") || path.contains(".git/") || path.endsWith(".git")
                || GIT_WITHOUT_SUFFIX.matcher(path).find()
                || (path.contains("/resolve/") || path.contains("/raw/") || path.contains("/adaptations/"))
                        && request.getHeader("Authorization") != null;
    };

    /** Actuator's endpoints, under its default base path. */
    static final RequestMatcher ACTUATOR = request -> isOrUnder(request, "/actuator");

    /** Health and its probes ({@code /actuator/health/liveness}, {@code …/readiness}): for load balancers. */
    static final RequestMatcher HEALTH = request -> isOrUnder(request, "/actuator/health");

    private static boolean isOrUnder(HttpServletRequest request, String prefix) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /** The OpenAPI page: Swagger UI sets inline styles, so only it gets {@code style-src 'unsafe-inline'}. */
    static final RequestMatcher API_DOCS_PAGE = (HttpServletRequest request) -> {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api/docs") || path.startsWith("/api/swagger-ui/");
    };

    /** Headers browser clients of the Hugging Face API read from cross-origin answers. */
    static final java.util.List<String> EXPOSED_HEADERS = java.util.List.of("X-Repo-Commit", "X-Linked-Etag",
            "X-Linked-Size", "X-Error-Code", "X-Error-Message", "ETag", "Link", "Content-Range", "Accept-Ranges",
            "Content-Length", "X-Request-Id");

    /**
     * Cross-origin reads and writes of the API, downloads and LFS, without cookies (a browser
     * client sends its token itself), so no page of the hub becomes readable from another site.
     */
    static final CorsConfigurationSource CORS = (HttpServletRequest request) -> {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/") && !path.contains("/resolve/") && !path.contains("/raw/") && !path.contains("/info/lfs/")) {
            return null;
        }
        CorsConfiguration cors = new CorsConfiguration();
        cors.addAllowedOrigin("*");
        cors.addAllowedHeader("*");
        cors.setAllowedMethods(java.util.List.of("GET", "HEAD", "POST", "PUT", "OPTIONS"));
        cors.setExposedHeaders(EXPOSED_HEADERS);
        cors.setAllowCredentials(false);
        cors.setMaxAge(3600L);
        return cors;
    };

    /**
     * Lets {@code %2F} through, for revisions such as {@code refs%2Fpr%2F3} that the Hugging Face
     * clients URL-encode into one path segment (Tomcat decodes it in the servlet path, where this
     * firewall still sees any {@code ..}). Safe because every hub controller decodes path segments
     * itself, once, and checks the decoded path ({@code GitPaths}); encoded {@code .}, {@code %}
     * and backslashes stay refused.
     */
    @Bean
    WebSecurityCustomizer encodedSlashes() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowUrlEncodedSlash(true);
        return web -> web.httpFirewall(firewall);
    }

    /**
     * No observation per security filter and per authorization decision: with a Micrometer registry
     * present, Spring Security otherwise wraps each of its filters in an observation on every request
     * (10% of a kept page's time in issue #15's profile) for meters nobody reads. Requests are still
     * timed as a whole ({@code http.server.requests}); sign-ins keep their observation.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.withDefaults().shouldObserveRequests(false)
                .shouldObserveAuthorizations(false).build();
    }

    @Bean
    @Order(0)
    SecurityFilterChain apiDocsChain(HttpSecurity http) throws Exception {
        http.securityMatcher(API_DOCS_PAGE)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY
                        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")))
                        .frameOptions(f -> f.deny()))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }

    /**
     * Metrics and the rest of Actuator say much about the hub (routes, users' activity, versions):
     * administrators only, by token or by their signed-in session; 401 for anonymous, 403 for others.
     */
    @Bean
    @Order(1)
    SecurityFilterChain actuatorChain(HttpSecurity http, AccessTokenService tokens, UnauthorizedResponder unauthorized,
            Throttle throttle) throws Exception {
        http.securityMatcher(ACTUATOR)
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new TokenAuthenticationFilter(tokens, unauthorized, throttle),
                        UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'")))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HEALTH).permitAll()
                        .anyRequest().hasRole("ADMIN"));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain machineChain(HttpSecurity http, AccessTokenService tokens, UnauthorizedResponder unauthorized,
            SignedUploadLinks uploadLinks, Throttle throttle) throws Exception {
        http.securityMatcher(MACHINE_REQUESTS)
                .cors(c -> c.configurationSource(CORS))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new TokenAuthenticationFilter(tokens, unauthorized, throttle),
                        UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(uploadLinks.filter(unauthorized), TokenAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'")))
                // Per-repository permissions are decided by the services: public repositories are readable anonymously.
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pageChain(HttpSecurity http, LoginThrottle throttle, ApplicationEventPublisher events)
            throws Exception {
        http.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .cors(c -> c.configurationSource(CORS))
                .formLogin(form -> form.loginPage("/login").permitAll()
                        .failureHandler((request, response, e) -> {
                            events.publishEvent(SignIn.failed(request.getParameter("username"), e.getMessage()));
                            response.sendRedirect(request.getContextPath() + "/login?error");
                        })
                        .successHandler((request, response, authentication) -> {
                            throttle.succeeded(request.getParameter("username"), request.getRemoteAddr());
                            events.publishEvent(SignIn.succeeded(authentication.getName()));
                            response.sendRedirect(request.getContextPath() + "/");
                        }))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?signedOut").permitAll())
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .csrf(c -> c.ignoringRequestMatchers(SecurityConfiguration::anonymousLanguageSwitch))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/settings/**", "/organizations/new").authenticated()
                        .anyRequest().permitAll());
        return http.build();
    }

    /**
     * The footer's language switch posted by a reader who is not signed in: it only sets a cookie, so
     * it needs no CSRF token, and pages for anonymous readers carry none (a token would open a session
     * per reader and could not sit in AnonymousPageCache). Signed in, the switch saves into the
     * account and the token is checked like on every other form.
     */
    static boolean anonymousLanguageSwitch(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())
                || !"/language".equals(request.getRequestURI().substring(request.getContextPath().length()))) {
            return false;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken;
    }
}
