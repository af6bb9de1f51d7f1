package dev.adapthub.web.security;

import dev.adapthub.core.throttle.RateLimit;
import dev.adapthub.core.throttle.Throttle;
import dev.adapthub.core.throttle.Verdict;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Sign-in attempts per account and per client address, counted in the database before the
 * password is checked, so parallel guesses cannot all pass the check before one failure is
 * recorded, and every hub process on the database sees the same counts. A successful sign-in
 * clears its account's count and takes its attempt back from the address.
 */
@Component
class LoginThrottle {

    static final RateLimit PER_ACCOUNT = new RateLimit("login-account", 5, Duration.ofMinutes(15));
    static final RateLimit PER_ADDRESS = new RateLimit("login-address", 20, Duration.ofMinutes(15));

    private final Throttle throttle;

    LoginThrottle(Throttle throttle) {
        this.throttle = throttle;
    }

    /**
     * Counts one attempt; the verdict says whether the password may be checked. An attempt the
     * account's limit refuses is given back to the address, so one besieged account does not
     * lock out everyone behind the same address.
     */
    Verdict attempt(String account, String address) {
        Verdict byAddress = throttle.count(PER_ADDRESS, address);
        if (!byAddress.allowed()) {
            return byAddress;
        }
        Verdict byAccount = throttle.count(PER_ACCOUNT, accountKey(account));
        if (!byAccount.allowed()) {
            throttle.refund(PER_ADDRESS, address);
        }
        return byAccount;
    }

    void succeeded(String account, String address) {
        throttle.reset(PER_ACCOUNT, accountKey(account));
        throttle.refund(PER_ADDRESS, address);
    }

    private static String accountKey(String account) {
        return account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
    }
}
