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
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A reader switches the hub to Chinese in the footer, browses in Chinese (navigation, the chip
 * list, a seeded config's validation report with its findings translated, values kept) and switches
 * back to English. Screenshots at 1400 px and 390 px: target/screenshots/language-journey-*.png.
 */
@SeededHubTest
class LanguageJourneyTest {

    static final String LLAMA = "meta-llama/Llama-3.1-8B-Instruct";
    /** A seeded config that passes with a warning: the KV cache holds fewer sequences than its workload wants. */
    static final String REPORT = "/" + LLAMA + "/adaptations/nvidia-rtx-4090/nvidia-rtx-4090-vllm.yaml/report";

    @RegisterExtension final Browser browser = new Browser();
    @LocalServerPort int port;
    @Autowired AdaptationIndex index;
    @Autowired RepoService repos;

    @Test
    void switchToChineseReadATranslatedReportAndSwitchBack() {
        Repo llama = repos.find(RepoKind.MODEL, "meta-llama", "Llama-3.1-8B-Instruct", null).orElseThrow();
        Awaitility.await().atMost(60, TimeUnit.SECONDS).until(() -> index.forRepository(llama).size() == 4);
        String base = "http://localhost:" + port;
        Page page = browser.open();
        page.setViewportSize(1400, 900);

        page.navigate(base + "/chips");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator("nav.nav")).containsText("Models");
        page.click("#language-zh-CN");

        assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
        assertThat(page).hasURL(base + "/chips");
        assertThat(page.locator("nav.nav")).containsText("模型");
        assertThat(page.locator("nav.nav")).containsText("适配矩阵");
        assertThat(page.locator("main h1")).hasText("芯片");
        assertThat(page.locator("#language-zh-CN")).hasAttribute("aria-pressed", "true");
        browser.screenshot("language-journey-1-chips-zh-1400");

        page.navigate(base + REPORT);
        assertThat(page.locator("#verdict")).hasText("WARN");
        assertThat(page.locator("#findings thead")).containsText("问题与建议");
        // Codes stay; the text is Chinese and keeps the report's own figures (the workload's 32 sequences).
        assertThat(page.locator("#findings")).containsText("MEMORY_CONCURRENCY_LIMITED");
        assertThat(page.locator("#findings")).containsText("条 maxModelLen 长度的序列，而负载需要 8 条");
        assertThat(page.locator("#findings")).containsText("建议：请求将排队或被抢占");
        assertThat(page.locator("#findings")).containsText("每卡：权重");
        assertThat(page.locator("#findings")).not().containsText("the workload wants");
        assertThat(page.locator("#memory-table")).containsText("引擎可用上限");
        assertThat(page.locator("#performance")).containsText("首 token 时延");
        browser.screenshot("language-journey-2-report-zh-1400");
        page.setViewportSize(390, 844);
        browser.screenshot("language-journey-3-report-zh-390");

        page.click("#language-en");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page).hasURL(base + REPORT);
        assertThat(page.locator("nav.nav")).containsText("Models");
        assertThat(page.locator("#findings")).containsText("the workload wants 8");
        assertThat(page.locator("#findings")).containsText("hint: requests will queue or be preempted");
        browser.screenshot("language-journey-4-report-en-390");
        page.setViewportSize(1400, 900);
        browser.screenshot("language-journey-5-report-en-1400");
    }
}
