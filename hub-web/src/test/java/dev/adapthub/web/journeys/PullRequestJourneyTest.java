package dev.adapthub.web.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
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

    /** A file of 21 MiB on disk (the browser reads it by path; a buffer would cross Playwright's pipe). */
    private static java.nio.file.Path hugeFile() {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempDirectory("drop").resolve("huge.bin");
            try (java.io.RandomAccessFile out = new java.io.RandomAccessFile(file.toFile(), "rw")) {
                out.setLength(21L * 1024 * 1024);
            }
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Screenshots at a desktop (1400 px) and a phone (390 px) width. */
    private void screenshots(Page page, String name) {
        page.setViewportSize(1400, 900);
        browser.screenshot(name + "-1400");
        page.setViewportSize(390, 844);
        browser.screenshot(name + "-390");
        page.setViewportSize(1400, 900);
    }

    @Test
    void aContributorDropsFilesEditsThePullRequestPreviewsAsksForAReviewAndCommentsOnALine() {
        String base = "http://localhost:" + port;
        Account owner = accounts.create("own");
        Account reviewer = accounts.create("rev");
        Account contributor = accounts.create("contrib");
        Organization org = organizations.create(owner.id(), new NewOrganization("npu-" + UUID.randomUUID().toString()
                .substring(0, 6), null, null));
        organizations.setRole(org.id(), owner.id(), reviewer.name(), Role.MEMBER);
        Repo repo = repos.create(owner, new NewRepo(RepoKind.MODEL, org.name(), "Qwen2-7B", false));
        writes.commit(repo, owner, "main", ObjectId.zeroId(), "Seed", List.of(
                new FileChange.Put("README.md", Content.of("# Qwen2 7B\n".getBytes(StandardCharsets.UTF_8)))));
        Page page = browser.open();
        Browser.signIn(page, base, contributor);

        // Drop a text file and a binary file on the propose-upload page (a real drop event).
        page.navigate(base + "/" + repo.urlPath() + "/propose-upload");
        page.fill("#propose-folder", "adaptations/extra");
        page.evaluate("() => { const dt = new DataTransfer();"
                + " dt.items.add(new File(['# 910B3 notes\\nUse two devices.\\nKeep bf16.\\n'], 'notes.md', {type: 'text/markdown'}));"
                + " dt.items.add(new File([new Uint8Array([0, 1, 2, 0, 3])], 'scales.bin', {type: 'application/octet-stream'}));"
                + " const zone = document.getElementById('propose-files-drop');"
                + " zone.dispatchEvent(new DragEvent('dragover', {dataTransfer: dt, bubbles: true, cancelable: true}));"
                + " zone.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true})); }");
        assertThat(page.locator("#propose-files-list li")).hasCount(2);
        assertThat(page.locator("#propose-files-list")).containsText("scales.bin");
        page.fill("#propose-title", "Notes and scales for 910B3");
        screenshots(page, "pull-edit-1-dropped");
        page.click("#propose-upload-submit");
        assertThat(page.locator("#pr-state")).hasText("open");
        String url = page.url();
        page.click("#tab-files");
        assertThat(page.locator("section[data-path='adaptations/extra/notes.md']")).containsText("Use two devices.");
        assertThat(page.locator("section[data-path='adaptations/extra/scales.bin']")).containsText("stored with Git LFS");

        // Comment on line 2 of the notes.
        page.click("section[data-path='adaptations/extra/notes.md'] tr.commentable[data-line='2']");
        page.fill("#line-comment-body", "Why **two**? <img src=x onerror=alert(1)>");
        screenshots(page, "pull-edit-2-line-comment-form");
        page.click("#line-comment-submit");
        assertThat(page.locator(".line-comment")).containsText("adaptations/extra/notes.md:2");
        assertThat(page.locator(".line-comment .markdown strong")).hasText("two");
        assertThat(page.locator(".line-comment img[onerror]")).hasCount(0);
        screenshots(page, "pull-edit-3-line-comment");

        // Edit the title and add a label.
        page.navigate(url);
        page.click("#pr-edit-toggle");
        page.fill("#edit-title", "910B3: notes and int8 scales");
        page.fill("#edit-labels", "npu, int8");
        page.click("#edit-submit");
        assertThat(page.locator("#pr-title")).hasText("910B3: notes and int8 scales");
        assertThat(page.locator("#pr-labels")).containsText("int8");
        assertThat(page.locator("#timeline")).containsText("edited title, labels");

        // Preview a comment without a reload.
        page.waitForLoadState(); // htmx is a deferred script
        page.fill("#comment-body", "Looks **good** <script>window.previewRan = true</script>");
        page.click("#comment-body-preview-tab");
        assertThat(page.locator("#comment-body-preview strong")).hasText("good");
        assertThat(page.locator("#comment-body")).isHidden();
        assertThat(page.url()).isEqualTo(url);
        assertThat(page.evaluate("() => window.previewRan === true")).isEqualTo(false);

        // Ask the reviewer.
        page.fill("#reviewer-name", reviewer.name());
        page.click("#reviewer-submit");
        assertThat(page.locator("#reviewer-list")).containsText(reviewer.name());
        assertThat(page.locator("#reviewer-list")).containsText("not reviewed yet");
        assertThat(page.locator("#timeline")).containsText("asked " + reviewer.name() + " to review");
        screenshots(page, "pull-edit-4-edited-reviewer");
        page.navigate(base + "/" + repo.urlPath() + "/pulls?label=int8");
        assertThat(page.locator("#pr-list")).containsText("910B3: notes and int8 scales");

        // A file over the per-file limit is refused with the limits, and the drop zone warned.
        page.navigate(base + "/" + repo.urlPath() + "/propose-upload");
        page.setInputFiles("#propose-files", hugeFile());
        assertThat(page.locator("#propose-files-list")).containsText("over the 20 MiB limit");
        page.fill("#propose-title", "Too big");
        page.click("#propose-upload-submit");
        assertThat(page.locator("#propose-files-list[role=alert] li.error")).containsText("huge.bin");
        assertThat(page.url()).endsWith("/propose-upload");
        // Without the script's check the server refuses the body itself. The form's own request is sent
        // with the browser's session and CSRF token (from the form's action) but outside the page: a
        // navigation refused mid-upload may still be settling when the test moves on.
        String action = page.locator("#propose-files").evaluate("input => input.form.action").toString();
        APIResponse refused = page.request().post(action, RequestOptions.create().setMultipart(FormData.create()
                .set("title", "Too big").set("files", hugeFile())));
        assertThat(refused.status()).isEqualTo(413);
        page.navigate(base + "/" + repo.urlPath() + "/pulls?state=all");
        assertThat(page.locator("#pr-list li")).hasCount(1);
    }
}
