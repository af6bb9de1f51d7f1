package dev.adapthub.web.language;

import dev.adapthub.core.account.AccountService;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Chooses each request's language, in this order: the signed-in account's saved language, the
 * {@value #COOKIE} cookie, the browser's Accept-Language; English when none names a language the
 * hub offers. Registered under the bean name {@code localeResolver}, which is the one
 * DispatcherServlet uses (Spring Boot's own then steps aside).
 *
 * <p>The account's language is read from the database once per session and kept in the session
 * ({@value #SESSION_ATTRIBUTE}, with the account's name, so a different sign-in in the same session
 * reads again); the switch updates it. Requests without a session (API clients with tokens) never
 * read the account: they get no pages.
 */
@Component("localeResolver")
class HubLocaleResolver implements LocaleResolver {

    static final String COOKIE = "hub-lang";
    static final String SESSION_ATTRIBUTE = "dev.adapthub.web.language.account";
    private static final Duration COOKIE_AGE = Duration.ofDays(365);

    private final AccountService accounts;

    HubLocaleResolver(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return accountLanguage(request)
                .or(() -> cookieLanguage(request))
                .orElseGet(() -> HubLanguages.fromAcceptLanguage(request.getLocales()));
    }

    /** Sets the cookie; the account's column is the switch's business (it knows who is signed in). */
    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Locale chosen = locale == null ? HubLanguages.ENGLISH : locale;
        Cookie cookie = new Cookie(COOKIE, HubLanguages.tag(chosen));
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge((int) COOKIE_AGE.toSeconds());
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    /** Remembers in the session what the signed-in account chose, so the next request need not read it. */
    static void remember(HttpServletRequest request, String accountName, Locale locale) {
        request.getSession().setAttribute(SESSION_ATTRIBUTE, accountName + '\u0000' + HubLanguages.tag(locale));
    }

    private Optional<Locale> accountLanguage(HttpServletRequest request) {
        String name = signedInName(request);
        HttpSession session = name == null ? null : request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        String prefix = name + '\u0000';
        if (session.getAttribute(SESSION_ATTRIBUTE) instanceof String known && known.startsWith(prefix)) {
            return HubLanguages.parse(known.substring(prefix.length()));
        }
        String saved = accounts.findByName(name).flatMap(a -> a.language()).orElse("");
        session.setAttribute(SESSION_ATTRIBUTE, prefix + saved);
        return HubLanguages.parse(saved);
    }

    private static Optional<Locale> cookieLanguage(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    return HubLanguages.parse(cookie.getValue());
                }
            }
        }
        return Optional.empty();
    }

    static String signedInName(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        return principal == null || principal instanceof AnonymousAuthenticationToken ? null : principal.getName();
    }
}
