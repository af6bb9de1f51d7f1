package dev.adapthub.web.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dev.adapthub.core.token.AccessTokenService;
import dev.adapthub.web.support.Browser;
import dev.adapthub.web.support.HubWebTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The first journey, in a real browser: register, sign in, create an organization and a token, sign out. */
@HubWebTest
class AccountJourneyTest {

    @RegisterExtension final Browser browser = new Browser();
    @LocalServerPort int port;
    @Autowired AccessTokenService tokens;

    @Test
    void registerSignInCreateOrganizationAndTokenThenSignOut() {
        String base = "http://localhost:" + port;
        String name = "ada" + UUID.randomUUID().toString().substring(0, 6);
        String org = "npu-team-" + UUID.randomUUID().toString().substring(0, 6);
        Page page = browser.open();

        page.navigate(base + "/");
        page.click("#sign-up");
        page.fill("#name", name);
        page.fill("#email", name + "@example.org");
        page.fill("#password", "a long password 1");
        page.click("button[type=submit]");
        assertThat(page.locator("#registered")).isVisible();

        page.fill("#username", name);
        page.fill("#password", "a long password 1");
        page.click("button[type=submit]");
        assertThat(page.locator("#nav-user")).hasText(name);

        page.navigate(base + "/organizations/new");
        page.fill("#org-name", org);
        page.fill("#org-display", "NPU <b>team</b>");
        page.fill("#org-description", "Adapts models to Ascend.");
        page.click("#create-org");
        assertThat(page.locator("#org-title")).containsText("NPU <b>team</b>");
        assertThat(page.locator("#members")).containsText(name);
        browser.screenshot("account-journey-organization");

        page.navigate(base + "/settings/tokens");
        page.fill("#token-name", "laptop git");
        page.selectOption("#token-scope", "write");
        page.click("#create-token");
        String secret = page.locator("#token-secret").textContent().strip();
        assertThat(secret).startsWith("ahp_");
        assertThat(tokens.authenticate(secret)).hasValueSatisfying(grant ->
                assertThat(grant.account().name()).isEqualTo(name));
        assertThat(page.locator("#tokens")).containsText("laptop git");
        browser.screenshot("account-journey-token");

        page.reload();
        assertThat(page.locator("#token-secret")).hasCount(0);

        page.click("#sign-out");
        assertThat(page.locator("#sign-in")).isVisible();
        page.navigate(base + "/settings/tokens");
        assertThat(page).hasURL(base + "/login");
    }
}
