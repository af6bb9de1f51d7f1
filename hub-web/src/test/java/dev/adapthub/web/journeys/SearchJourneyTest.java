package dev.adapthub.web.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import dev.adapthub.core.adaptation.AdaptationIndex;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.web.support.Browser;
import dev.adapthub.web.support.SeededHubTest;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Search in a real browser: the header's box suggests as one types and a suggestion opens the model; the
 * results page narrows by a facet; an empty or huge query is answered beside the box with the text kept.
 */
@SeededHubTest
class SearchJourneyTest {

    static final String LLAMA = "meta-llama/Llama-3.1-8B-Instruct";

    @RegisterExtension final Browser browser = new Browser();
    @LocalServerPort int port;
    @Autowired AdaptationIndex index;
    @Autowired RepoService repos;

    @BeforeEach
    void seeded() {
        Repo llama = repos.find(RepoKind.MODEL, "meta-llama", "Llama-3.1-8B-Instruct", null).orElseThrow();
        Awaitility.await().atMost(60, TimeUnit.SECONDS).until(() -> index.forRepository(llama).size() == 4);
    }

    @Test
    void suggestThenSearchThenNarrowByAFacet() {
        String base = "http://localhost:" + port;
        Page page = browser.open();

        page.navigate(base + "/chips");
        page.locator("#search-box").pressSequentially("llama-3", new com.microsoft.playwright.Locator
                .PressSequentiallyOptions().setDelay(30));
        assertThat(page.locator("#search-suggest")).isVisible();
        assertThat(page.locator("#search-suggest")).containsText(LLAMA);
        browser.screenshot("search-journey-1-suggestions");
        page.locator("#search-box").press("ArrowDown");
        page.locator("#search-box").press("Enter");
        assertThat(page).hasURL(base + "/" + LLAMA);

        page.locator("#search-box").fill("instruct");
        page.locator("#search-box").press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*/search\\?q=instruct$"));
        assertThat(page.locator("#hits")).containsText(LLAMA);
        assertThat(page.locator("#hits")).containsText("Qwen/Qwen2.5-72B-Instruct");
        browser.screenshot("search-journey-2-results");

        page.click("#facet-family a[data-value=CPU]");
        assertThat(page.locator("#facet-family a.selected")).containsText("CPU");
        assertThat(page.locator("#hits")).containsText(LLAMA);
        assertThat(page.locator("#hits")).not().containsText("Qwen/Qwen2.5-72B-Instruct");
        browser.screenshot("search-journey-3-facet");
        page.setViewportSize(390, 844);
        browser.screenshot("search-journey-4-facet-390px");
    }

    @Test
    void anEmptyOrHugeQueryIsAnsweredBesideTheBoxWithTheTextKept() {
        String base = "http://localhost:" + port;
        Page page = browser.open();
        String huge = "ascend ".repeat(40);

        page.navigate(base + "/search");
        assertThat(page.locator("#search-hint")).isVisible();
        page.locator("#search-query").fill(huge);
        page.click("#search-submit");

        assertThat(page.locator("#search-error")).containsText("keep it under 200");
        assertThat(page.locator("#search-query")).hasValue(huge);
        browser.screenshot("search-journey-5-too-long");
    }
}
