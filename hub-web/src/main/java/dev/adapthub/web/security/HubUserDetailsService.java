package dev.adapthub.web.security;

import dev.adapthub.core.account.AccountService;
import java.util.List;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Form login looks accounts up here, by name in any letter case. */
@Component
class HubUserDetailsService implements UserDetailsService {

    private final AccountService accounts;

    HubUserDetailsService(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String name) {
        return accounts.findByName(name)
                .map(account -> new HubUser(account, List.of()))
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }
}
