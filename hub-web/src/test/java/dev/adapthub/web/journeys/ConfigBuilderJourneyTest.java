package dev.adapthub.web.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dev.adapthub.core.account.Account;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.git.write.FileChange;
import dev.adapthub.web.support.Browser;
import dev.adapthub.web.support.SeededHubTest;
import dev.adapthub.web.support.TestAccounts;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The config builder in a real browser: open it from a chip page, pick a model, change maxModelLen
 * and tensor parallelism and watch the memory bar and estimate follow without a reload, make the
 * config not fit and see the finding, fix it, and open it as a pull request with the file.
 */
@SeededHubTest
class ConfigBuilderJourneyTest {

    @RegisterExtension final Browser browser = new Browser();
    @LocalServerPort int port;
    @Autowired RepoService repos;
    @Autowired RepoFiles files;
    @Autowired RepoWrites writes;
    @Autowired TestAccounts accounts;

    @Test
    void buildAConfigLiveAndOpenItAsAPullRequest() {
        String base = "http://localhost:" + port;
        // A model of its own (Llama 3.1 8B's config.json), so the pull request touches no seeded repository.
        Repo llama = repos.find(RepoKind.MODEL, "meta-llama", "Llama-3.1-8B-Instruct", null).orElseThrow();
        String configJson = files.readText(llama, files.resolve(llama, "main").orElseThrow(), "config.json", 1 << 20)
                .orElseThrow();
        Account owner = accounts.create("bmodel");
        Account contributor = accounts.create("bcontrib");
        Repo model = repos.create(owner, new NewRepo(RepoKind.MODEL, null, "llama-for-builder", false));
        writes.commit(model, owner, "main", null, "config", List.of(FileChange.put("config.json", configJson)));

        Page page = browser.open();
        page.setViewportSize(1400, 900);
        Browser.signIn(page, base, contributor);
        page.navigate(base + "/chips/ascend-910b3");
        page.click("#open-builder");
        assertThat(page.locator("#builder-title")).isVisible();
        assertThat(page.locator("#chip")).hasValue("ascend-910b3");
        assertThat(page.locator("#err-model")).containsText("owner/name");
        page.evaluate("() => { window.builderMarker = 'no reload'; }");

        page.fill("#model", model.fullName());
        assertThat(page.locator("#verdict")).hasText(Pattern.compile("PASS|WARN"));
        assertThat(page.locator("#err-model")).isEmpty();
        assertThat(page.locator("#memory-table")).containsText("8192 (largest that fits");
        String estimateBefore = page.locator("#performance").innerText();

        page.fill("#maxModelLen", "16384");
        assertThat(page.locator("#memory-table")).containsText("16384 (largest that fits");
        assertThat(page.locator("#yaml")).containsText("maxModelLen: 16384");

        page.fill("#tensor", "2");
        assertThat(page.locator("#memory-chart text.axis-label")).hasCount(2); // one bar per device
        assertThat(page.locator("#yaml")).containsText("tensor: 2");
        assertThat(page.locator("#performance")).not().hasText(estimateBefore);
        assertThat(page.locator("#roofline-chart circle.pt-decode")).hasCount(1);
        browser.screenshot("builder-journey-1-live-1400");

        // Too long a context for two 910B3: a finding, no estimate; then fixed.
        page.fill("#maxModelLen", "1000000");
        assertThat(page.locator("#verdict")).hasText("FAIL");
        assertThat(page.locator("#findings tr.sev-error")).not().hasCount(0);
        assertThat(page.locator("#no-estimate")).isVisible();
        browser.screenshot("builder-journey-2-does-not-fit");

        // A field that cannot be a config: an inline message, the typed text kept.
        page.fill("#maxModelLen", "0");
        assertThat(page.locator("#err-maxModelLen")).containsText("whole number from 16");
        assertThat(page.locator("#maxModelLen")).hasValue("0");

        page.fill("#maxModelLen", "32768");
        assertThat(page.locator("#err-maxModelLen")).isEmpty();
        assertThat(page.locator("#verdict")).hasText(Pattern.compile("PASS|WARN"));
        page.setViewportSize(390, 844);
        // The builder's own parts fit a phone's width (the shared header is the layout's business).
        assertThat(((Number) page.evaluate("() => Math.max(document.querySelector('#builder-form')"
                + ".getBoundingClientRect().right, document.querySelector('#preview').getBoundingClientRect().right)"))
                .doubleValue()).isLessThanOrEqualTo(390);
        browser.screenshot("builder-journey-3-fixed-390");
        page.setViewportSize(1400, 900);
        assertThat(page.evaluate("() => window.builderMarker")).as("the page never reloaded").isEqualTo("no reload");

        page.fill("#name", "builder-journey");
        page.click("#open-pr");
        page.waitForURL(Pattern.compile(".*/" + Pattern.quote(model.fullName()) + "/pulls/\\d+$"));
        assertThat(page.locator("main")).containsText("Add adaptations/ascend-910b3/builder-journey.yaml");
        page.click("#tab-files");
        assertThat(page.locator("main")).containsText("adaptations/ascend-910b3/builder-journey.yaml");
        assertThat(page.locator("main")).containsText("maxModelLen: 32768");
        browser.screenshot("builder-journey-4-pull-request-1400");
    }
}
