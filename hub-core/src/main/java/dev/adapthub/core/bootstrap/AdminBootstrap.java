package dev.adapthub.core.bootstrap;

import dev.adapthub.core.HubProperties;
import dev.adapthub.core.account.Account;
import dev.adapthub.core.account.AccountService;
import dev.adapthub.core.token.AccessTokenService;
import dev.adapthub.core.token.TokenScope;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the administrator on first start (when no admin exists yet). The password comes
 * from {@code HUB_ADMIN_PASSWORD}, else a random one is printed once; {@code HUB_ADMIN_TOKEN}
 * becomes a write token for automation.
 */
@Component
public class AdminBootstrap {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AccountService accounts;
    private final AccessTokenService tokens;
    private final HubProperties properties;

    AdminBootstrap(AccountService accounts, AccessTokenService tokens, HubProperties properties) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.properties = properties;
    }

    /** Returns the admin account, creating it when none exists. */
    @Transactional
    public Account ensureAdmin() {
        HubProperties.Admin admin = properties.admin();
        String name = admin.userOrDefault();
        if (accounts.adminExists()) {
            return accounts.getByName(name);
        }
        boolean generated = admin.password() == null || admin.password().isBlank();
        String password = generated ? randomPassword() : admin.password();
        Account account = accounts.createAdmin(name, password);
        if (generated) {
            log.warn("\n\n    Created the administrator '{}' with the password: {}\n"
                    + "    It is shown only this once. Set HUB_ADMIN_PASSWORD to choose it.\n", name, password);
        } else {
            log.info("Created the administrator '{}' with the password from HUB_ADMIN_PASSWORD.", name);
        }
        if (admin.token() != null && !admin.token().isBlank()) {
            tokens.createWithSecret(account.id(), "HUB_ADMIN_TOKEN", TokenScope.WRITE, admin.token());
            log.info("Gave the administrator a write token from HUB_ADMIN_TOKEN.");
        }
        return account;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
