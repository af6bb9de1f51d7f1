package dev.adapthub.web.api;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.org.OrganizationService;
import dev.adapthub.core.org.Role;
import dev.adapthub.core.token.AccessToken;
import dev.adapthub.core.token.AccessTokenService;
import dev.adapthub.core.token.TokenGrant;
import dev.adapthub.core.token.TokenScope;
import dev.adapthub.web.repo.CurrentAccount;
import dev.adapthub.web.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/whoami-v2}: who the presented token belongs to, in the shape the Hugging Face
 * clients read: the JavaScript client's {@code WhoAmIUser} ({@code type, id, name, fullname, email,
 * emailVerified, isPro, canPay, avatarUrl, periodEnd, billingMode, orgs}), each organization with the
 * caller's {@code roleInOrg}, and {@code auth.accessToken} with the token's {@code displayName},
 * {@code role} and {@code createdAt}.
 */
@RestController
@Tag(name = "AdaptHub", description = "The hub's own endpoints (also called by the Hugging Face clients)")
class WhoAmIController {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final OrganizationService organizations;
    private final AccessTokenService tokens;
    private final CurrentAccount current;

    WhoAmIController(OrganizationService organizations, AccessTokenService tokens, CurrentAccount current) {
        this.organizations = organizations;
        this.tokens = tokens;
        this.current = current;
    }

    @Operation(summary = "Who the token belongs to")
    @GetMapping("/api/whoami-v2")
    ResponseEntity<Map<String, Object>> whoami(@AuthenticationPrincipal HubUser user, HttpServletRequest request) {
        Account account = current.of(user);
        if (account == null) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header("WWW-Authenticate", "Bearer realm=\"AdaptHub\"")
                    .header("X-Error-Message", "Invalid credentials in Authorization header")
                    .body(Map.of("error", "Send a personal access token as 'Authorization: Bearer <token>'."));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "user");
        body.put("id", Long.toString(account.id().value()));
        body.put("name", account.name());
        body.put("fullname", account.displayName());
        body.put("email", account.email());
        // Fields of the clients' WhoAmIUser that have no meaning on this hub.
        body.put("emailVerified", false);
        body.put("isPro", false);
        body.put("canPay", false);
        body.put("avatarUrl", "");
        body.put("periodEnd", null);
        body.put("billingMode", "prepaid");
        body.put("orgs", orgs(account));
        body.put("auth", auth(request.getAttribute(TokenGrant.class.getName()) instanceof TokenGrant grant
                ? grant : null, account));
        return ResponseEntity.ok(body);
    }

    private List<Map<String, Object>> orgs(Account account) {
        List<Map<String, Object>> orgs = new ArrayList<>();
        for (var org : organizations.organizationsOf(account.id())) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("type", "org");
            json.put("id", Long.toString(org.id().value()));
            json.put("name", org.name());
            json.put("fullname", org.displayName());
            json.put("email", null);
            json.put("canPay", false);
            json.put("avatarUrl", "");
            json.put("periodEnd", null);
            json.put("roleInOrg", organizations.roleOf(org.id(), account.id()).map(WhoAmIController::role)
                    .orElse("read"));
            orgs.add(json);
        }
        return orgs;
    }

    /** The Hub's organization roles: owners administer, maintainers write, members contribute. */
    private static String role(Role role) {
        return switch (role) {
            case OWNER -> "admin";
            case MAINTAINER -> "write";
            case MEMBER -> "contributor";
        };
    }

    private Map<String, Object> auth(TokenGrant grant, Account account) {
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("type", "access_token");
        Map<String, Object> token = new LinkedHashMap<>();
        AccessToken presented = grant == null ? null : tokens.tokensOf(account.id()).stream()
                .filter(t -> t.id() == grant.tokenId()).findFirst().orElse(null);
        if (presented != null) {
            token.put("displayName", presented.name());
            token.put("role", presented.scope() == TokenScope.WRITE ? "write" : "read");
            token.put("createdAt", date(presented.createdAt()));
            if (presented.expiresAt() != null) {
                auth.put("expiresAt", date(presented.expiresAt()));
            }
        }
        auth.put("accessToken", token);
        return auth;
    }

    private static String date(Instant instant) {
        return DATE.format(instant);
    }
}
