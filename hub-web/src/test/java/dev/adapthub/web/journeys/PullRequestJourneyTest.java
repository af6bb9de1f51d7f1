package dev.adapthub.web.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.microsoft.playwright.Page;
import dev.adapthub.core.account.Account;
import dev.adapthub.core.org.NewOrganization;
import dev.adapthub.core.org.Organization;
import dev.adapthub.core.org.OrganizationService;
import dev.adapthub.core.org.Role;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.git.write.Content;
import dev.adapthub.git.write.FileChange;
import dev.adapthub.web.support.Browser;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.TestAccounts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The adaptation journey in a real browser: a contributor (who may only read the repository)
 * proposes an inference config for a chip from the file page; the check runs in the background
 * and its verdict appears on the open PR page without a reload; a reviewer approves; a
 * maintainer merges and the change is on the default branch.
 */
@HubWebTest
class PullRequestJourneyTest {

    static final String DEMO = "demo/repos/meta-llama/Llama-3.1-8B-Instruct/";

    @RegisterExtension final Browser browser = new Browser();
    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired OrganizationService organizations;
    @Autowired RepoService repos;
    @Autowired RepoWrites writes;
    @Autowired RepoFiles files;
    @Autowired Scheduler scheduler;

    @AfterEach
    void resumeJobs() {
        scheduler.resume();
    }

    private static byte[] demo(String path) {
        try (InputStream in = PullRequestJourneyTest.class.getClassLoader().getResourceAsStream(DEMO + path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aContributorProposesAConfigTheCheckShowsLiveAReviewerApprovesAMaintainerMerges() {
        String base = "http://localhost:" + port;
        Account owner = accounts.create("own");
        Account maintainer = accounts.create("maint");
        Account reviewer = accounts.create("rev");
        Account contributor = accounts.create("contrib");
        Organization org = organizations.create(owner.id(), new NewOrganization("npu-" + UUID.randomUUID().toString()
                .substring(0, 6), null, null));
        organizations.setRole(org.id(), owner.id(), maintainer.name(), Role.MAINTAINER);
        organizations.setRole(org.id(), owner.id(), reviewer.name(), Role.MEMBER);
        Repo repo = repos.create(owner, new NewRepo(RepoKind.MODEL, org.name(), "Llama-3.1-8B-Instruct", false));
        writes.commit(repo, owner, "main", ObjectId.zeroId(), "Seed", List.of(
                new FileChange.Put("README.md", Content.of("# Llama 3.1 8B\n".getBytes(StandardCharsets.UTF_8))),
                new FileChange.Put("config.json", Content.of(demo("config.json"))),
                new FileChange.Put("adaptations/ascend-910b3-vllm-ascend.yaml",
                        Content.of(demo("adaptations/ascend-910b3-vllm-ascend.yaml")))));
        String config = new String(demo("adaptations/ascend-910b3-vllm-ascend.yaml"), StandardCharsets.UTF_8)
                .replace("devices: 1", "devices: 2").replace("tensor: 1", "tensor: 2");
        Page page = browser.open();

        // The contributor can read but not write: "Propose a change" on the config's page.
        Browser.signIn(page, base, contributor);
        page.navigate(base + "/" + repo.urlPath() + "/blob/main/adaptations/ascend-910b3-vllm-ascend.yaml");
        assertThat(page.locator("#edit-link")).hasCount(0);
        page.click("#propose-link");
        page.fill("#propose-content", config);
        page.fill("#propose-title", "Two 910B3 with tensor parallel 2");
        page.fill("#propose-description", "Halves the **per-device** weights.");
        browser.screenshot("pull-journey-1-propose");
        scheduler.pause();
        page.click("#propose-submit");

        // The check is queued: the page says pending, then shows the verdict without a reload.
        assertThat(page.locator("#pr-state")).hasText("open");
        assertThat(page.locator("#checks-state")).hasText("pending");
        assertThat(page.locator("#gate-checks")).containsText("still running");
        browser.screenshot("pull-journey-2-check-pending");
        String url = page.url();
        scheduler.resume();
        assertThat(page.locator("#checks-state")).hasText("success",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(20_000));
        assertThat(page.locator("#check-list")).containsText("PASS");
        assertThat(page.url()).isEqualTo(url);
        browser.screenshot("pull-journey-3-check-passed");
        page.click("#tab-files");
        assertThat(page.locator(".semantic-diff")).containsText("parallel.tensor");
        assertThat(page.locator(".semantic-diff")).containsText("target.devices");
        assertThat(page.locator("#diff-0 .stat")).hasText("+2 -2");
        browser.screenshot("pull-journey-4-semantic-diff");
        page.click("#sign-out");

        // A reviewer approves.
        Browser.signIn(page, base, reviewer);
        page.navigate(url);
        assertThat(page.locator("#merge-button")).hasCount(0);
        page.check("#review-approve");
        page.fill("#review-body", "Fits: 8 GB of weights per device.");
        page.click("#review-submit");
        assertThat(page.locator("#timeline")).containsText("approved");
        page.click("#sign-out");

        // A maintainer merges.
        Browser.signIn(page, base, maintainer);
        page.navigate(url);
        assertThat(page.locator("#gate-approvals")).containsText("1 of 1 required approvals");
        assertThat(page.locator("#merge-button")).isEnabled();
        browser.screenshot("pull-journey-5-ready-to-merge");
        page.selectOption("#merge-method", "SQUASH");
        page.click("#merge-button");
        assertThat(page.locator("#pr-state")).hasText("merged");
        assertThat(page.locator("#merged-info")).containsText(maintainer.name());
        browser.screenshot("pull-journey-6-merged");

        String merged = files.readText(repo, files.resolve(repo, "main").orElseThrow(),
                "adaptations/ascend-910b3-vllm-ascend.yaml", 1 << 20).orElseThrow();
        assertThat(merged).contains("tensor: 2");
        page.navigate(base + "/" + repo.urlPath() + "/pulls?state=merged");
        assertThat(page.locator("#pr-list")).containsText("Two 910B3 with tensor parallel 2");
    }
}
