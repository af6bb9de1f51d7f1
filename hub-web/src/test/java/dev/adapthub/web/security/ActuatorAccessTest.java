package dev.adapthub.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.account.AccountService;
import dev.adapthub.core.token.TokenScope;
import dev.adapthub.web.support.HubPage;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.TestAccounts;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/** Actuator: health and its probes for anyone; everything else for administrators only (token or session). */
@HubWebTest
class ActuatorAccessTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired AccountService accountService;
    @LocalServerPort int port;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/actuator", "/actuator/metrics", "/actuator/metrics/jvm.memory.used",
            "/actuator/metrics/http.server.requests", "/actuator/info"})
    void anonymousGets401AndAPersonWhoIsNoAdminGets403(String path) throws Exception {
        Account person = accounts.create("nosy");
        String token = accounts.token(person, TokenScope.WRITE);

        HttpResponse<String> anonymous = HubPage.get(port, path);
        HttpResponse<String> withToken = HubPage.get(port, path, "Authorization", "Bearer " + token);
        int withSession = mvc.perform(get(path).with(user(accounts.principal(person)))).andReturn().getResponse()
                .getStatus();

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("measurements").doesNotContain("\"names\"")
                .doesNotContain("_links");
        assertThat(withToken.statusCode()).isEqualTo(403);
        assertThat(withToken.body()).doesNotContain("measurements").doesNotContain("\"names\"")
                .doesNotContain("_links");
        assertThat(withSession).isEqualTo(403);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/actuator", "/actuator/metrics", "/actuator/metrics/jvm.memory.used"})
    void anAdministratorReadsThemByTokenOrSession(String path) throws Exception {
        HttpResponse<String> withToken = HubPage.get(port, path, "Authorization", "Bearer " + HubWebTest.ADMIN_TOKEN);
        int withSession = mvc.perform(get(path).with(user(accounts.principal(accountService.getByName("admin")))))
                .andReturn().getResponse().getStatus();

        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withSession).isEqualTo(200);
    }

    @Test
    void healthAndItsProbesAreOpenWithDetailsForAdministratorsOnly() {
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> health = HubPage.get(port, path);
            assertThat(health.statusCode()).as(path).isEqualTo(200);
            assertThat(health.body()).as(path).contains("\"status\":\"UP\"").doesNotContain("components");
        }
        HttpResponse<String> forAdmin = HubPage.get(port, "/actuator/health", "Authorization",
                "Bearer " + HubWebTest.ADMIN_TOKEN);
        assertThat(forAdmin.body()).contains("\"components\"").contains("\"db\"");
    }
}
