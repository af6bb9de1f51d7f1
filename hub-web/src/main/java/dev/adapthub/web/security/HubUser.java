package dev.adapthub.web.security;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.account.AccountId;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The signed-in person as Spring Security holds it: the account's id and name, and its roles. */
public class HubUser extends User {

    private final AccountId accountId;

    HubUser(Account account, Collection<? extends GrantedAuthority> extra) {
        super(account.name(), account.passwordHash(), authorities(account, extra));
        this.accountId = account.id();
    }

    private static List<GrantedAuthority> authorities(Account account, Collection<? extends GrantedAuthority> extra) {
        var all = new java.util.ArrayList<GrantedAuthority>(extra);
        all.add(new SimpleGrantedAuthority("ROLE_USER"));
        if (account.isAdmin()) {
            all.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
        }
        return all;
    }

    public AccountId accountId() {
        return accountId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HubUser that && that.accountId.equals(accountId);
    }

    @Override
    public int hashCode() {
        return accountId.hashCode();
    }
}
