package dev.adapthub.web.language;

import dev.adapthub.core.account.AccountService;
import dev.adapthub.web.error.ClientErrorLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The footer's language switch: sets the cookie, saves the choice in the signed-in account, and
 * sends the reader back to the page they were on. An unsupported language is a 400 page naming the
 * languages there are, and nothing is saved.
 */
@Controller
class LanguageController {

    private final HubLocaleResolver resolver;
    private final AccountService accounts;

    LanguageController(HubLocaleResolver resolver, AccountService accounts) {
        this.resolver = resolver;
        this.accounts = accounts;
    }

    @PostMapping("/language")
    String choose(@RequestParam(name = "lang", required = false) String lang,
            @RequestParam(name = "return", required = false) String returnTo,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        String back = ReturnPaths.local(returnTo);
        Optional<Locale> chosen = HubLanguages.parse(lang);
        if (chosen.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            ClientErrorLog.log(request, HttpServletResponse.SC_BAD_REQUEST, "language switch: unsupported language");
            model.addAttribute("asked", lang == null ? "" : lang);
            model.addAttribute("languages", HubLanguages.SUPPORTED);
            model.addAttribute("back", back);
            return "language/unsupported";
        }
        resolver.setLocale(request, response, chosen.get());
        String name = HubLocaleResolver.signedInName(request);
        if (name != null) {
            accounts.saveLanguage(name, HubLanguages.tag(chosen.get()));
            HubLocaleResolver.remember(request, name, chosen.get());
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + back);
        return null;
    }
}
