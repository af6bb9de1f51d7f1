package dev.adapthub.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.throttle.Throttle;
import dev.adapthub.core.token.TokenScope;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** Unknown tokens from one address are answered 429 past the limit; valid tokens are never counted nor slowed. */
@HubWebTest
class TokenThrottleTest {

    /** MockMvc's client address. */
    static final String ADDRESS = "127.0.0.1";

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired Throttle throttle;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void forgetThisAddress() {
        throttle.reset(TokenAuthenticationFilter.INVALID_TOKENS, ADDRESS);
    }

    private MockHttpServletResponse whoami(String authorization) throws Exception {
        return mvc.perform(get("/api/whoami-v2").header("Authorization", authorization)).andReturn().getResponse();
    }

    @Test
    void pastTheLimitOfUnknownTokensAnAddressGets429WithRetryAfterWhileAValidTokenStillWorks() throws Exception {
        Account person = accounts.create("tokens");
        String valid = accounts.token(person, TokenScope.READ);
        int limit = TokenAuthenticationFilter.INVALID_TOKENS.max();
        int already = throttle.attempts(TokenAuthenticationFilter.INVALID_TOKENS, ADDRESS);
        for (int i = already; i < limit; i++) {
            assertThat(whoami("Bearer guessed-token-" + i).getStatus()).isEqualTo(401);
        }

        MockHttpServletResponse throttled = whoami("Bearer guessed-token-over-the-limit");
        MockHttpServletResponse basic = whoami("Basic " + java.util.Base64.getEncoder()
                .encodeToString("git:another-guess".getBytes()));

        assertThat(throttled.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(throttled.getHeader("Retry-After"))).isPositive();
        assertThat(throttled.getContentAsString()).contains("Too many unknown, revoked or expired tokens");
        assertThat(basic.getStatus()).isEqualTo(429);

        // Summed over windows: the test may cross the end of a window.
        int counted = countedForThisAddress();
        for (int i = 0; i < 5; i++) {
            MockHttpServletResponse ok = whoami("Bearer " + valid);
            assertThat(ok.getStatus()).isEqualTo(200);
            assertThat(ok.getContentAsString()).contains(person.name());
        }
        assertThat(countedForThisAddress()).as("a valid token never touches the counter").isEqualTo(counted);
    }

    private int countedForThisAddress() {
        return jdbc.queryForObject("SELECT COALESCE(SUM(attempts), 0) FROM throttle_counters WHERE bucket = ?",
                Integer.class, TokenAuthenticationFilter.INVALID_TOKENS.name() + ":" + ADDRESS);
    }
}
