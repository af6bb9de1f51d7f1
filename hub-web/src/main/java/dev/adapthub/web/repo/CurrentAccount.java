package dev.adapthub.web.repo;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.account.AccountService;
import dev.adapthub.web.security.HubUser;
import org.springframework.stereotype.Component;

/** The signed-in account behind a request's principal, or null for anonymous requests. */
@Component
public class CurrentAccount {

    private final AccountService accounts;

    CurrentAccount(AccountService accounts) {
        this.accounts = accounts;
    }

    public Account of(HubUser user) {
        return user == null ? null : accounts.findById(user.accountId()).orElse(null);
    }
}
