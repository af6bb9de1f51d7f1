package dev.adapthub.web.api;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.org.OrganizationService;
import dev.adapthub.web.repo.CurrentAccount;
import dev.adapthub.web.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/whoami-v2}: who the presented token belongs to, in the shape the Hugging
 * Face clients read ({@code name}, {@code type}, {@code orgs}, {@code auth.accessToken.role}, and
 * the other fields of the JavaScript client's {@code WhoAmIUser}).
 */
@RestController
@Tag(name = "AdaptHub", description = "The hub's own endpoints (also called by the Hugging Face clients)")
class WhoAmIController {

    private final OrganizationService organizations;
    private final CurrentAccount current;

    WhoAmIController(OrganizationService organizations, CurrentAccount current) {
        this.organizations = organizations;
        this.current = current;
    }

    @Operation(summary = "Who the token belongs to")
    @GetMapping("/api/whoami-v2")
    ResponseEntity<Map<String, Object>> whoami(@AuthenticationPrincipal HubUser user) {
        if (user == null) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header("WWW-Authenticate", "Bearer realm=\"AdaptHub\"")
                    .body(Map.of("error", "Send a personal access token as 'Authorization: Bearer <token>'."));
        }
        List<Map<String, Object>> orgs = organizations.organizationsOf(user.accountId()).stream()
                .map(org -> Map.<String, Object>of("name", org.name(), "fullname", org.displayName(), "type", "org"))
                .toList();
        String role = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch("TOKEN_WRITE"::equals) ? "write" : "read";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "user");
        body.put("id", Long.toString(user.accountId().value()));
        body.put("name", user.getUsername());
        body.put("fullname", user.getUsername());
        Account account = current.of(user);
        if (account != null) {
            body.put("fullname", account.displayName());
            body.put("email", account.email());
        }
        // Fields of the JavaScript client's WhoAmIUser type that have no meaning on this hub.
        body.put("emailVerified", false);
        body.put("isPro", false);
        body.put("canPay", false);
        body.put("avatarUrl", "");
        body.put("periodEnd", null);
        body.put("orgs", orgs);
        body.put("auth", Map.of("type", "access_token", "accessToken", Map.of("role", role)));
        return ResponseEntity.ok(body);
    }
}
