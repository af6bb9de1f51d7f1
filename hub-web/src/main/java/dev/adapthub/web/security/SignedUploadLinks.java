package dev.adapthub.web.security;

import dev.adapthub.core.account.AccountId;
import dev.adapthub.core.account.AccountService;
import dev.adapthub.core.cluster.ClusterSecrets;
import dev.adapthub.git.http.UploadLinks;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * LFS upload links signed for the caller of the batch request, valid for one object path and an
 * hour: the Hugging Face JavaScript client PUTs to the link without credentials, as to a
 * pre-signed storage URL. A signed PUT is authenticated as the signer with write scope, and
 * only for that path, so the upload still passes the repository's write check; the LFS store
 * accepts only bytes whose SHA-256 is the object's name.
 * <p>
 * The key is {@code hub.lfs.upload-link-secret} when set, else the cluster's shared key
 * {@code lfs-upload-link} ({@link ClusterSecrets}: {@code HUB_SECRET_LFS_UPLOAD_LINK}, or generated
 * once and kept in the database), so a link signed by one hub process works on every other and
 * after restarts.
 */
@Component
public class SignedUploadLinks implements UploadLinks {

    static final String PARAMETER = "hub_upload";
    private static final long VALID_SECONDS = 3600;

    private final String configured;
    private final ClusterSecrets secrets;
    private final Clock clock;
    private final AccountService accounts;
    private volatile byte[] key;

    SignedUploadLinks(@Value("${hub.lfs.upload-link-secret:}") String secret, ClusterSecrets secrets, Clock clock,
            AccountService accounts) {
        this.configured = secret;
        this.secrets = secrets;
        this.clock = clock;
        this.accounts = accounts;
    }

    /** Read on first use, not at construction: the shared key may have to be stored first. */
    private byte[] key() {
        byte[] known = key;
        if (known == null) {
            known = configured.isBlank() ? secrets.key("lfs-upload-link") : configured.getBytes(StandardCharsets.UTF_8);
            key = known;
        }
        return known;
    }

    @Override
    public String sign(HttpServletRequest request, String href) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof HubUser user)) {
            return href;
        }
        long expires = clock.instant().getEpochSecond() + VALID_SECONDS;
        String claim = user.accountId().value() + "." + expires;
        String path = URI.create(href).getRawPath();
        return href + (href.contains("?") ? "&" : "?") + PARAMETER + "=" + claim + "." + mac(path, claim);
    }

    private String mac(String path, String claim) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] digest = mac.doFinal(("PUT\n" + path + "\n" + claim).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    /**
     * Whether the request is a PUT to a link this hub signed for {@code account}: the batch
     * request that handed the link out had already allowed that account's upload of that object.
     */
    public boolean signedFor(HttpServletRequest request, AccountId account) {
        return verify(request).filter(account::equals).isPresent();
    }

    /** The account a signed PUT request speaks for; empty when unsigned, tampered with or expired. */
    Optional<AccountId> verify(HttpServletRequest request) {
        String value = request.getParameter(PARAMETER);
        if (value == null || !"PUT".equals(request.getMethod())) {
            return Optional.empty();
        }
        String[] parts = value.split("\\.");
        if (parts.length != 3 || !parts[0].matches("\\d{1,18}") || !parts[1].matches("\\d{1,18}")) {
            return Optional.empty();
        }
        String claim = parts[0] + "." + parts[1];
        // Behind GitHttpFilter's forward the servlet sees its mount path; the link names the public one.
        Object forwarded = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        String uri = forwarded instanceof String original ? original : request.getRequestURI();
        byte[] expected = mac(uri, claim).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))
                || Long.parseLong(parts[1]) < clock.instant().getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(new AccountId(Long.parseLong(parts[0])));
    }

    /** Authenticates signed upload requests that carry no {@code Authorization} of their own. */
    OncePerRequestFilter filter(UnauthorizedResponder unauthorized) {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return request.getParameter(PARAMETER) == null || request.getHeader("Authorization") != null;
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                var account = verify(request).flatMap(accounts::findById);
                if (account.isEmpty()) {
                    unauthorized.respond(request, response,
                            "The upload link is invalid or expired; ask the LFS batch endpoint for a new one.");
                    return;
                }
                HubUser user = new HubUser(account.get(), List.of(new SimpleGrantedAuthority(
                        TokenAuthenticationFilter.SCOPE_PREFIX + "WRITE")));
                SecurityContextHolder.getContext().setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
                chain.doFilter(request, response);
            }
        };
    }
}
