package dev.adapthub.web.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import dev.adapthub.web.support.Browser;
import dev.adapthub.web.support.HubWebTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An administrator opens an incident in the browser, its banner appears on every page, the
 * administrator resolves it, the banner goes and the incident stays in the history.
 */
@HubWebTest
class StatusJourneyTest {

    @RegisterExtension final Browser browser = new Browser();
    @LocalServerPort int port;

    @Test
    void anAdministratorOpensAnIncidentEveryPageShowsItAndResolvingItMovesItToTheHistory() {
        String base = "http://localhost:" + port;
        String title = "Clones fail for LFS repositories " + UUID.randomUUID().toString().substring(0, 6);
        Page page = browser.open();

        page.navigate(base + "/login");
        page.fill("#username", "admin");
        page.fill("#password", HubWebTest.ADMIN_PASSWORD);
        page.click("button[type=submit]");
        assertThat(page.locator("#nav-user")).hasText("admin");

        // Seen before the incident, so the hub keeps these pages (RenderedPages): the banner must still show.
        for (String path : List.of("/tools", "/matrix")) {
            page.navigate(base + path);
            assertThat(page.locator("#status-banner")).hasCount(0);
        }
        page.navigate(base + "/status/admin");
        page.fill("#incident-title-input", title);
        page.selectOption("#incident-severity", "major");
        page.check("#affects-git");
        page.check("#affects-lfs");
        page.fill("#incident-body", "git-lfs downloads answer 500; we are looking into it.");
        page.click("#open-incident");
        assertThat(page.locator("#incident-title")).hasText(title);
        assertThat(page.locator("#incident-status")).hasText("Investigating");

        for (String path : List.of("/", "/models", "/tools", "/chips", "/matrix", "/status")) {
            page.navigate(base + path);
            assertThat(page.locator("#status-banner")).containsText(title);
        }
        browser.screenshot("status-journey-banner");

        page.locator("#status-banner a", new Page.LocatorOptions().setHasText(title)).click();
        page.selectOption("#update-status", "resolved");
        page.fill("#update-body", "A full disk on the LFS volume; space freed, downloads work again.");
        page.click("#post-update");
        assertThat(page.locator("#incident-status")).hasText("Resolved");
        assertThat(page.locator("#resolved-at")).isVisible();
        assertThat(page.locator("#timeline")).containsText("space freed");

        for (String path : List.of("/models", "/tools")) {
            page.navigate(base + path);
            assertThat(page.locator("body")).not().containsText(title);
        }
        page.navigate(base + "/status/history");
        assertThat(page.locator("#history")).containsText(title);
        page.navigate(base + "/status");
        assertThat(page.locator("#recent")).containsText(title);
        browser.screenshot("status-journey-resolved");
    }
}
