package dev.adapthub.web.pull;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.adapthub.web.pull.MeasuredResultsTest.CONFIG;
import static dev.adapthub.web.pull.MeasuredResultsTest.FOLDER;
import static dev.adapthub.web.pull.MeasuredResultsTest.RUN;
import static dev.adapthub.web.pull.PullFixture.put;
import static dev.adapthub.web.pull.PullFixture.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.web.pull.PullFixture.Team;
import dev.adapthub.web.support.Browser;
import dev.adapthub.web.support.HubWebTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Measured results in a real browser: a contributor uploads the JSON {@code vllm bench serve
 * --save-result} wrote next to a config, as a pull request; the check shows measured against
 * predicted; a maintainer merges; the report page shows the run and the matrix marks the cell as
 * measured.
 */
@HubWebTest
class MeasuredResultsJourneyTest {

    private static final LocatorAssertions.HasTextOptions SLOW =
            new LocatorAssertions.HasTextOptions().setTimeout(30_000);

    @RegisterExtension final Browser browser = new Browser();
    @LocalServerPort int port;
    @Autowired PullFixture fixture;
    @Autowired RepoWrites writes;
    @Autowired RepoFiles files;

    @Test
    void aContributorAttachesAVllmBenchRunAndItIsMeasuredBesidePredictedOnChecksReportAndMatrix(@TempDir Path tmp)
            throws Exception {
        String base = "http://localhost:" + port;
        Team team = fixture.team();
        Repo repo = team.repo();
        writes.commit(repo, team.owner(), "main", files.resolve(repo, "main").orElseThrow().commitId(),
                "RTX 4090 config", List.of(put(CONFIG, resource(CONFIG))));
        Path run = tmp.resolve("rtx4090-c8.json");
        Files.writeString(run, RUN, StandardCharsets.UTF_8);
        Page page = browser.open();

        // The contributor, who can only read the repository, proposes the run file.
        Browser.signIn(page, base, team.contributor());
        page.navigate(base + "/" + repo.urlPath() + "/propose-upload");
        page.fill("#propose-folder", FOLDER);
        page.setInputFiles("#propose-files", run);
        page.fill("#propose-title", "Measured: 8 requests at once on one RTX 4090");
        page.click("#propose-upload-submit");
        assertThat(page.locator("#pr-state")).hasText("open");
        String url = page.url();

        // The check validates the config and reports the run: measured beside predicted.
        assertThat(page.locator("#checks-state")).hasText("success", SLOW);
        Locator check = page.locator(".measured-check");
        assertThat(check).containsText("rtx4090-c8.json");
        assertThat(check.locator("[data-metric=outputTokensPerSecond] .measured")).hasText("619");
        assertThat(check.locator("[data-metric=tpotMs] .measured")).hasText("12.2");
        assertThat(check.locator("[data-metric=ttftMs] .predicted")).not().hasText("—");
        assertThat(check.locator("[data-metric=outputTokensPerSecond] .error")).containsText("%");
        browser.screenshot("measured-1-pr-check");
        page.click("#sign-out");

        // A maintainer approves (API) and merges in the browser.
        assertThat(PullTestSupport.review(port, repo, team.maintainerToken(),
                Long.parseLong(url.substring(url.lastIndexOf('/') + 1)), "approve", null).status()).isEqualTo(201);
        Browser.signIn(page, base, team.maintainer());
        page.navigate(url);
        page.click("#merge-button");
        assertThat(page.locator("#pr-state")).hasText("merged");

        // After the merge: the report page shows the run, the matrix marks the cell as measured.
        page.navigate(base + "/" + repo.urlPath() + "/adaptations/nvidia-rtx-4090/nvidia-rtx-4090-vllm.yaml/report");
        Locator measured = page.locator("#measured [data-run='rtx4090-c8.json']");
        for (int i = 0; i < 60 && measured.count() == 0; i++) {
            Thread.sleep(500); // the default branch is re-indexed in the background
            page.reload();
        }
        assertThat(measured).hasAttribute("data-accepted", "true");
        assertThat(measured.locator("[data-metric=outputTokensPerSecond] .measured")).hasText("619");
        browser.screenshot("measured-2-report");
        page.navigate(base + "/matrix");
        Locator row = page.locator("#matrix tr", new Page.LocatorOptions().setHasText(repo.fullName()));
        assertThat(row.locator(".measured-mark")).hasText("measured");
        assertThat(row.locator("td:has(.measured-mark) .tps")).hasText("619 tok/s");
        browser.screenshot("measured-3-matrix");
    }
}
