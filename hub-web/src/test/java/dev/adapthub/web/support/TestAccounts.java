package dev.adapthub.web.support;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.account.AccountService;
import dev.adapthub.core.account.Registration;
import dev.adapthub.core.token.AccessTokenService;
import dev.adapthub.core.token.TokenScope;
import java.util.UUID;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/** Creates accounts and tokens for tests through the real services. */
@Component
public class TestAccounts {

    private final AccountService accounts;
    private final AccessTokenService tokens;
    private final UserDetailsService userDetails;

    public TestAccounts(AccountService accounts, AccessTokenService tokens, UserDetailsService userDetails) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.userDetails = userDetails;
    }

    public Account create(String prefix) {
        return accounts.register(new Registration(prefix + UUID.randomUUID().toString().substring(0, 6),
                "t@example.org", "a long password"));
    }

    public String token(Account account, TokenScope scope) {
        return tokens.create(account.id(), "test", scope, null).secret();
    }

    /** The principal form login would produce, for MockMvc's {@code user(...)}. */
    public UserDetails principal(Account account) {
        return userDetails.loadUserByUsername(account.name());
    }
}
