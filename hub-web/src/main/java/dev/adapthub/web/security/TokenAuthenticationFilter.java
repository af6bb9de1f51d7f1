package dev.adapthub.web.security;

import dev.adapthub.core.token.AccessTokenService;
import dev.adapthub.core.token.TokenGrant;
import dev.adapthub.core.throttle.RateLimit;
import dev.adapthub.core.throttle.Throttle;
import dev.adapthub.core.throttle.Verdict;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Accepts a personal access token as {@code Authorization: Bearer <token>} or as the
 * password of HTTP Basic (what {@code git} sends; the user name is ignored). A presented
 * but unusable token is a 401, never a silent anonymous request; past
 * {@link #INVALID_TOKENS} from one address it is a 429 with {@code Retry-After}. Only unusable
 * tokens are counted: a valid token never touches the counter. The accepted {@link TokenGrant} is kept as a request attribute
 * named after its class (whoami-v2 describes the token).
 */
class TokenAuthenticationFilter extends OncePerRequestFilter {

    /** Authority carried by a token: {@code TOKEN_READ} or {@code TOKEN_WRITE}. */
    static final String SCOPE_PREFIX = "TOKEN_";
    static final String HF_PREFIX = "hf_";

    static final RateLimit INVALID_TOKENS = new RateLimit("invalid-token-address", 20, Duration.ofMinutes(15));

    private final AccessTokenService tokens;
    private final UnauthorizedResponder unauthorized;
    private final Throttle throttle;

    TokenAuthenticationFilter(AccessTokenService tokens, UnauthorizedResponder unauthorized, Throttle throttle) {
        this.tokens = tokens;
        this.unauthorized = unauthorized;
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> secret = secretFrom(request.getHeader("Authorization"));
        if (secret.isPresent()) {
            Optional<TokenGrant> grant = tokens.authenticate(secret.get())
                    .or(() -> withoutHfPrefix(secret.get()).flatMap(tokens::authenticate));
            if (grant.isEmpty()) {
                Verdict verdict = throttle.count(INVALID_TOKENS, request.getRemoteAddr());
                if (verdict.allowed()) {
                    unauthorized.respond(request, response, "The token is unknown, revoked or expired.");
                } else {
                    unauthorized.throttled(request, response, verdict.retryAfterSeconds(), "Too many unknown, revoked or"
                            + " expired tokens from your address; try again in " + verdict.retryAfterSeconds()
                            + " seconds with a valid token.");
                }
                return;
            }
            HubUser user = new HubUser(grant.get().account(),
                    List.of(new SimpleGrantedAuthority(SCOPE_PREFIX + grant.get().scope().name())));
            var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
            SecurityContextHolder.getContext().setAuthentication(authentication);
            request.setAttribute(TokenGrant.class.getName(), grant.get());
        }
        chain.doFilter(request, response);
    }

    /**
     * The Hugging Face JavaScript client refuses tokens that do not start with {@code hf_}, so a
     * hub token may be presented as {@code hf_<token>}; tried only when the token as given is unknown.
     */
    static Optional<String> withoutHfPrefix(String secret) {
        return secret.startsWith(HF_PREFIX) && secret.length() > HF_PREFIX.length()
                ? Optional.of(secret.substring(HF_PREFIX.length())) : Optional.empty();
    }

    static Optional<String> secretFrom(String header) {
        if (header == null) {
            return Optional.empty();
        }
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(header.substring(7).strip());
        }
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return Optional.of(colon < 0 ? "" : decoded.substring(colon + 1));
            } catch (IllegalArgumentException notBase64) {
                return Optional.of("");
            }
        }
        return Optional.of("");
    }
}
