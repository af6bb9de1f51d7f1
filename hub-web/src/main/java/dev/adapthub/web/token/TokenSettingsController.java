package dev.adapthub.web.token;

import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.token.AccessTokenService;
import dev.adapthub.core.token.NewToken;
import dev.adapthub.core.token.TokenScope;
import dev.adapthub.web.account.FormErrors;
import dev.adapthub.web.error.ClientErrorLog;
import dev.adapthub.web.layout.PageSlice;
import dev.adapthub.web.security.HubUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings → access tokens: create (secret shown once), list, revoke. */
@Controller
class TokenSettingsController {

    /** What the new-token form posts; expiry as text so "" (none) and junk are both handled here. */
    record TokenForm(String name, String scope, String expiresInDays) {
    }

    /** Tokens per page: a person rarely has more, a script that creates one per run soon does. */
    static final int PAGE_SIZE = 50;

    private final AccessTokenService tokens;

    TokenSettingsController(AccessTokenService tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/settings/tokens")
    String list(@AuthenticationPrincipal HubUser user, @RequestParam(required = false) Integer page, Model model,
            HttpServletResponse response) {
        // After a creation the secret arrives once, as a flash attribute: keep the page out of every cache.
        response.setHeader("Cache-Control", "no-store");
        return page(user, model, new TokenForm("", "read", ""), new FormErrors(), page);
    }

    /** Post/redirect/get: the secret is handed over once through the session, so a reload cannot re-create a token. */
    @PostMapping("/settings/tokens")
    String create(@AuthenticationPrincipal HubUser user, TokenForm form, Model model, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            NewToken created = tokens.create(user.accountId(), form.name(), scope(form.scope()), days(form.expiresInDays()));
            redirect.addFlashAttribute("createdSecret", created.secret());
            return "redirect:/settings/tokens";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            ClientErrorLog.log(request, 422, "Refused a token for " + user.getUsername() + ": " + e.getMessage());
            return page(user, model, form, FormErrors.of(e), null);
        }
    }

    @PostMapping("/settings/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal HubUser user, @PathVariable long id) {
        tokens.revoke(user.accountId(), id);
        return "redirect:/settings/tokens?revoked";
    }

    private String page(HubUser user, Model model, TokenForm form, FormErrors errors, Integer page) {
        model.addAttribute("slice", PageSlice.of(tokens.tokensOf(user.accountId(), PageSlice.request(page, PAGE_SIZE))));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "settings/tokens";
    }

    private static TokenScope scope(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "read" -> TokenScope.READ;
            case "write" -> TokenScope.WRITE;
            default -> throw new InvalidInputException("scope", "Choose a scope: read or write.");
        };
    }

    private static Integer days(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("expiresInDays", "Expiry is a whole number of days (1 to 3650), or empty.");
        }
    }
}
