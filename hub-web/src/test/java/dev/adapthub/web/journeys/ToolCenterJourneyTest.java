package dev.adapthub.web.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import dev.adapthub.chips.config.InferenceConfigParser;
import dev.adapthub.chips.export.EngineFormat;
import dev.adapthub.chips.export.ModelSource;
import dev.adapthub.core.adaptation.AdaptationIndex;
import dev.adapthub.core.adaptation.AdaptationValidation;
import dev.adapthub.core.chip.ChipCenter;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.git.read.ResolvedRevision;
import dev.adapthub.web.support.Browser;
import dev.adapthub.web.support.SeededHubTest;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Tool Center and validated-download journeys in a real browser on the seeded hub: find the
 * tools for a chip, open one, go to a chip, the matrix and a report with its charts; download a
 * validated config in vLLM form and compare it with the export of the validated file.
 */
@SeededHubTest
class ToolCenterJourneyTest {

    static final String LLAMA = "meta-llama/Llama-3.1-8B-Instruct";

    @RegisterExtension final Browser browser = new Browser();
    @LocalServerPort int port;
    @Autowired AdaptationIndex index;
    @Autowired RepoService repos;
    @Autowired RepoFiles files;
    @Autowired ChipCenter chips;

    Repo llama;

    @BeforeEach
    void seeded() {
        llama = repos.find(RepoKind.MODEL, "meta-llama", "Llama-3.1-8B-Instruct", null).orElseThrow();
        Awaitility.await().atMost(60, TimeUnit.SECONDS).until(() -> index.forRepository(llama).size() == 4);
    }

    @Test
    void toolCenterToAToolToAChipToTheMatrixToAReport() {
        String base = "http://localhost:" + port;
        Page page = browser.open();

        page.navigate(base + "/tools");
        assertThat(page.locator("#tools")).containsText("vllm-project/vllm");
        page.selectOption("#chip-filter", "ascend-910b3");
        page.click("#filter-tools");
        assertThat(page.locator("#tools")).containsText("vllm-project/vllm-ascend");
        assertThat(page.locator("#tools")).not().containsText("llm-compressor");
        browser.screenshot("toolcenter-journey-1-filtered");

        page.click("#tools >> text=vllm-project/vllm-ascend");
        assertThat(page.locator("#install")).containsText("pip install vllm-ascend");
        assertThat(page.locator("#supported-chips")).containsText("Ascend 910B3");
        browser.screenshot("toolcenter-journey-2-tool");

        page.click("#supported-chips a.chip-link[href='/chips/ascend-910b3']");
        assertThat(page.locator("#chip-title")).containsText("910B3");
        assertThat(page.locator("#capabilities")).containsText("vllm-ascend");
        assertThat(page.locator("#validated-models")).containsText(LLAMA);
        browser.screenshot("toolcenter-journey-3-chip");

        page.click("nav.nav >> text=Matrix");
        assertThat(page.locator("#matrix")).containsText(LLAMA);
        browser.screenshot("toolcenter-journey-4-matrix");

        page.click("#matrix a.report-link[href='/" + LLAMA + "/adaptations/ascend-910b3/ascend-910b3-vllm-ascend.yaml/report']");
        assertThat(page.locator("#verdict")).hasText("PASS");
        assertThat(page.locator("#memory-chart")).isVisible();
        assertThat(page.locator("#roofline-chart")).isVisible();
        assertThat(page.locator("#memory-chart rect.mem-weights").first()).isVisible();
        assertThat(page.locator("#roofline-chart circle")).hasCount(2);
        assertThat(page.locator("#performance")).containsText("Output tokens/s");
        assertThat(page.locator("#findings")).isVisible();
        browser.screenshot("toolcenter-journey-5-report");
    }

    @Test
    void downloadAValidatedConfigInVllmForm() throws Exception {
        String base = "http://localhost:" + port;
        AdaptationValidation row = index.find(llama, "nvidia-a100-80g-sxm", "nvidia-a100-80g-sxm-vllm.yaml").orElseThrow();
        ResolvedRevision pinned = new ResolvedRevision(row.commitId(), ObjectId.fromString(row.commitId()), null);
        String validated = files.readText(llama, pinned, row.path(), 1 << 20).orElseThrow();
        String expected = EngineFormat.VLLM.render(InferenceConfigParser.parse(validated),
                chips.chip("nvidia-a100-80g-sxm"), null, new ModelSource(base, LLAMA, row.commitId())).text();
        Page page = browser.open();

        page.navigate(base + "/" + LLAMA);
        page.click("#adaptations-tab");
        assertThat(page.locator("main")).containsText("NVIDIA A100");
        browser.screenshot("download-journey-1-adaptations");
        Download download = page.waitForDownload(() -> page.click(
                "a[href='/" + LLAMA + "/adaptations/nvidia-a100-80g-sxm/nvidia-a100-80g-sxm-vllm.yaml?format=vllm']"));
        String content = Files.readString(download.path());

        assertThat(download.suggestedFilename()).isEqualTo("nvidia-a100-80g-sxm-vllm.vllm-args.txt");
        // Pasteable: the model is this hub's repository at the validated commit, not a path in a checkout.
        assertThat(content).isEqualTo(expected)
                .startsWith("HF_ENDPOINT=" + base + " vllm serve " + LLAMA + " --revision " + row.commitId() + " ")
                .contains("--max-model-len 32768").doesNotContain("../");
    }

    @Test
    void copyTheDeployCommandFromAModelPage() throws Exception {
        String base = "http://localhost:" + port;
        AdaptationValidation row = index.find(llama, "nvidia-a100-80g-sxm", "nvidia-a100-80g-sxm-vllm.yaml").orElseThrow();
        String option = "#run-nvidia-a100-80g-sxm-nvidia-a100-80g-sxm-vllm";
        Page page = browser.open();
        page.context().grantPermissions(List.of("clipboard-read", "clipboard-write"));

        page.navigate(base + "/" + LLAMA);
        // No weights in the demo repository: the count is estimated from its config.json (8.03B for Llama 3.1 8B).
        assertThat(page.locator("#model-parameters")).hasText("≈ 8.03B params (from config.json)");
        assertThat(page.locator("#run-on-chip")).containsText("NVIDIA A100");
        assertThat(page.locator("#run-on-chip details.run-option")).hasCount(index.forRepository(llama).size());
        page.click(option + " summary");
        assertThat(page.locator(option + " pre.command")).isVisible();
        browser.screenshot("deploy-journey-1-panel");
        page.click(option + " button.copy");
        assertThat(page.locator(option + " button.copy")).hasText("Copied");
        String copied = (String) page.evaluate("() => navigator.clipboard.readText()");
        String downloaded = page.request().get(base + "/" + LLAMA
                + "/adaptations/nvidia-a100-80g-sxm/nvidia-a100-80g-sxm-vllm.yaml?format=vllm").text();

        assertThat(copied).isEqualTo(downloaded)
                .startsWith("HF_ENDPOINT=" + base + " vllm serve " + LLAMA + " --revision " + row.commitId() + " ");
        page.setViewportSize(390, 844);
        browser.screenshot("deploy-journey-2-panel-390px");
    }
}
