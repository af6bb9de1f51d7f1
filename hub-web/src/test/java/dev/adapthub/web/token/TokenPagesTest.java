package dev.adapthub.web.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.account.AccountService;
import dev.adapthub.core.account.Registration;
import dev.adapthub.core.token.AccessTokenService;
import dev.adapthub.core.token.TokenScope;
import dev.adapthub.web.support.HubWebTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The tokens page lists 50 tokens a page, newest first, with Previous/Next links; revoked ones stay listed. */
@HubWebTest
class TokenPagesTest {

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired AccessTokenService tokens;
    @Autowired UserDetailsService users;

    MockHttpServletResponse page(String name, String page) throws Exception {
        var request = get("/settings/tokens").with(user(users.loadUserByUsername(name)));
        return mvc.perform(page == null ? request : request.param("page", page)).andReturn().getResponse();
    }

    @Test
    void fiftyTokensAPageNewestFirst() throws Exception {
        String name = "pages" + UUID.randomUUID().toString().substring(0, 8);
        Account owner = accounts.register(new Registration(name, name + "@example.org", "long enough password"));
        for (int i = 0; i <= TokenSettingsController.PAGE_SIZE; i++) {
            tokens.create(owner.id(), String.format("tok-%02d", i), TokenScope.READ, null);
        }

        String first = page(name, null).getContentAsString(StandardCharsets.UTF_8);
        String second = page(name, "1").getContentAsString(StandardCharsets.UTF_8);
        MockHttpServletResponse refused = page(name, "-1");

        assertThat(first).contains("<td>tok-50</td>").contains("<td>tok-01</td>").doesNotContain("<td>tok-00</td>")
                .contains("id=\"tokens-pager-next\" href=\"/settings/tokens?page=1\"").contains("page 1 of 2")
                .doesNotContain("tokens-pager-previous");
        assertThat(second).contains("<td>tok-00</td>").doesNotContain("<td>tok-01</td>")
                .contains("id=\"tokens-pager-previous\" href=\"/settings/tokens?page=0\"").contains("page 2 of 2")
                .doesNotContain("tokens-pager-next");
        assertThat(refused.getStatus()).isBetween(400, 499);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("page counts from 0");
    }
}
