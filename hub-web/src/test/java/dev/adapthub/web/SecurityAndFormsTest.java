package dev.adapthub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.adapthub.core.account.AccountService;
import dev.adapthub.core.namespace.NamespaceService;
import dev.adapthub.web.support.HubPage;
import dev.adapthub.web.support.HubWebTest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

@HubWebTest
class SecurityAndFormsTest {

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired NamespaceService namespaces;
    @LocalServerPort int port;

    private static String unique(String base) {
        return base + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void pagesCarrySecurityHeadersAndARequestId() {
        HttpResponse<String> home = HubPage.get(port, "/");

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("script-src 'self'").contains("frame-ancestors 'none'");
        assertThat(home.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(home.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(home.headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void aMissingThingIsA404PageWithTheRequestIdAndNoStackTrace() {
        HttpResponse<String> missing = HubPage.get(port, "/nobody-" + UUID.randomUUID().toString().substring(0, 8),
                "Accept", "text/html");
        HttpResponse<String> unmapped = HubPage.get(port, "/a/b/c/d/e", "Accept", "text/html");
        HttpResponse<String> unmappedJson = HubPage.get(port, "/a/b/c/d/e", "Accept", "application/json");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Nothing is called").contains("id=\"request-id\"")
                .doesNotContain("Exception").doesNotContain("at dev.adapthub");
        assertThat(unmapped.statusCode()).isEqualTo(404);
        assertThat(unmapped.body()).contains("There is nothing here");
        assertThat(unmappedJson.statusCode()).isEqualTo(404);
        assertThat(unmappedJson.body()).contains("\"requestId\"").doesNotContain("trace");
    }

    @ParameterizedTest(name = "[{index}] name={0}")
    @CsvSource(delimiter = '|', value = {
            "''|ok@example.org|long enough password|422|Enter a name",
            "api|ok@example.org|long enough password|422|reserved",
            "<script>alert(1)</script>|ok@example.org|long enough password|422|Use letters",
            "x123456789012345678901234567890123456789|ok@example.org|long enough password|422|39 characters",
            "good-name|not-an-email|long enough password|422|email address",
            "good-name|ok@example.org|short|422|at least 10"})
    void registrationRefusesBadInputInlineAndCreatesNothing(String name, String email, String password, int status,
            String message) throws Exception {
        String body = mvc.perform(post("/register").with(csrf())
                        .param("name", name).param("email", email).param("password", password))
                .andExpect(status().is(status))
                .andReturn().getResponse().getContentAsString();

        assertThat(body).contains(message).doesNotContain("<script>alert(1)</script>").doesNotContain(password + "\"");
        assertThat(accounts.findByName("good-name")).isEmpty();
    }

    @Test
    void aNameTakenInAnotherCaseIsAConflictShownOnTheForm() throws Exception {
        String name = unique("Taken");
        mvc.perform(post("/register").with(csrf()).param("name", name).param("email", "a@example.org")
                .param("password", "long enough password")).andExpect(status().is3xxRedirection());

        mvc.perform(post("/register").with(csrf()).param("name", name.toLowerCase()).param("email", "b@example.org")
                        .param("password", "long enough password"))
                .andExpect(status().isConflict())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("is taken")));
    }

    @Test
    void aFormPostedWithoutACsrfTokenIsRefusedAndChangesNothing() throws Exception {
        String name = unique("nocsrf");
        mvc.perform(post("/register").param("name", name).param("email", "a@example.org")
                .param("password", "long enough password")).andExpect(status().isForbidden());

        assertThat(namespaces.find(name)).isEmpty();
    }

    @Test
    void failedLoginsAreThrottledPerAccountWith429AndRetryAfter() throws Exception {
        String name = unique("victim");
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").with(csrf()).param("username", name).param("password", "guess " + i))
                    .andExpect(status().is3xxRedirection());
        }
        mvc.perform(post("/login").with(csrf()).param("username", name).param("password", "guess 6"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
    }

    @Test
    void apiRefusesMissingAndBadTokensWithAChallenge() throws Exception {
        mvc.perform(get("/api/whoami-v2")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/whoami-v2").header("Authorization", "Bearer ahp_not-a-real-token"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic")));
    }

    @Test
    void theAdminTokenFromTheEnvironmentWorksAsBearerAndAsBasicPassword() throws Exception {
        mvc.perform(get("/api/whoami-v2").header("Authorization", "Bearer " + HubWebTest.ADMIN_TOKEN))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("\"name\":\"admin\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("\"role\":\"write\"")));
        String basic = java.util.Base64.getEncoder().encodeToString(("git:" + HubWebTest.ADMIN_TOKEN).getBytes());
        mvc.perform(get("/api/whoami-v2").header("Authorization", "Basic " + basic)).andExpect(status().isOk());
    }

    @Test
    void settingsNeedASignedInUser() throws Exception {
        mvc.perform(get("/settings/tokens")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
    }

    @Test
    void tokenFormRefusesJunkExpiryAndScope() throws Exception {
        String name = unique("tok");
        accounts.register(new dev.adapthub.core.account.Registration(name, "t@example.org", "long enough password"));
        mvc.perform(post("/settings/tokens").with(csrf())
                        .with(user(loadUser(name))).param("name", "ci").param("scope", "admin").param("expiresInDays", ""))
                .andExpect(status().is(422))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("read or write")));
        mvc.perform(post("/settings/tokens").with(csrf())
                        .with(user(loadUser(name))).param("name", "ci").param("scope", "read").param("expiresInDays", "1e9"))
                .andExpect(status().is(422))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("whole number of days")));
        mvc.perform(get("/settings/tokens").with(user(loadUser(name))))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<td>ci</td>"))));
    }

    @Autowired org.springframework.security.core.userdetails.UserDetailsService userDetails;

    private org.springframework.security.core.userdetails.UserDetails loadUser(String name) {
        return userDetails.loadUserByUsername(name);
    }

    @Test
    void signingInGivesTheSessionANewIdSoAFixedSessionIsUseless() throws Exception {
        String name = unique("fix");
        accounts.register(new dev.adapthub.core.account.Registration(name, "f@example.org", "long enough password"));
        // Sessions live in the database (Spring Session): the id a client holds is its session cookie.
        jakarta.servlet.http.Cookie before = mvc.perform(get("/login")).andReturn().getResponse().getCookie("JSESSIONID");

        var result = mvc.perform(post("/login").cookie(before).with(csrf())
                        .param("username", name).param("password", "long enough password"))
                .andExpect(status().is3xxRedirection()).andReturn();
        jakarta.servlet.http.Cookie after = result.getResponse().getCookie("JSESSIONID");

        assertThat(before).as("the sign-in page starts a session (its form has a CSRF token)").isNotNull();
        assertThat(after).as("signing in sets the session cookie again").isNotNull();
        assertThat(after.getValue()).isNotEqualTo(before.getValue());
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
    }
}
