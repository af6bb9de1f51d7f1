package dev.adapthub.web.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.LoadState;
import dev.adapthub.core.account.Account;
import dev.adapthub.core.notification.NotificationQueue;
import dev.adapthub.core.pull.NewPullRequest;
import dev.adapthub.core.pull.PullRequest;
import dev.adapthub.core.pull.PullRequestService;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.git.write.Content;
import dev.adapthub.git.write.FileChange;
import dev.adapthub.web.support.Browser;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.TestAccounts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * People and notifications in a real browser: a reviewer approves someone's pull request; its
 * author sees the unread count in the header, opens the notifications, follows the approval to the
 * pull request, marks it read and the count is gone. Then the author's profile page with its
 * identicon, and a refused avatar upload answered on the settings form with the typed bio kept.
 */
@HubWebTest
class PeopleJourneyTest {

    @RegisterExtension final Browser browser = new Browser();
    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired RepoService repos;
    @Autowired RepoWrites writes;
    @Autowired PullRequestService pulls;
    @Autowired NotificationQueue notifications;

    private void both(Page page, String name) {
        page.setViewportSize(1400, 900);
        browser.screenshot(name + "-1400");
        page.setViewportSize(390, 844);
        assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue())
                .as("no sideways scrolling at 390 px").isLessThanOrEqualTo(390);
        browser.screenshot(name + "-390");
        page.setViewportSize(1400, 900);
    }

    @Test
    void anApprovalReachesTheAuthorWhoReadsItAndAProfileRefusesABadAvatar() throws InterruptedException {
        String base = "http://localhost:" + port;
        Account owner = accounts.create("own");
        Account author = accounts.create("ann");
        Repo repo = repos.create(owner, new NewRepo(RepoKind.MODEL, null, "notes-" + UUID.randomUUID().toString()
                .substring(0, 6), false));
        writes.commit(repo, owner, "main", ObjectId.zeroId(), "Seed", List.of(
                new FileChange.Put("README.md", Content.of("# Notes\n".getBytes(StandardCharsets.UTF_8)))));
        PullRequest pr = pulls.openWithChanges(author, repo, NewPullRequest.of("Explain the 910B3 setup", ""), null,
                "Explain the 910B3 setup", List.of(new FileChange.Put("README.md",
                        Content.of("# Notes\n\nTwo 910B3 devices.\n".getBytes(StandardCharsets.UTF_8)))));
        String prUrl = base + "/" + repo.urlPath() + "/pulls/" + pr.number();
        Page page = browser.open();

        // The owner approves in the browser.
        Browser.signIn(page, base, owner);
        page.navigate(prUrl);
        page.check("#review-approve");
        page.click("#review-submit");
        assertThat(page.locator("#timeline")).containsText("approved");
        page.click("#sign-out");
        // Notifications are made on their own thread a moment after the action.
        assertThat(notifications.awaitIdle(Duration.ofSeconds(30))).isTrue();

        // The author sees one unread notification in the header, and reads it.
        Browser.signIn(page, base, author);
        assertThat(page.locator("#nav-unread")).hasText("1");
        page.click("#nav-notifications");
        assertThat(page).hasURL(base + "/notifications");
        assertThat(page.locator("#notifications li.unread")).hasCount(1);
        assertThat(page.locator("#notifications li.unread")).containsText(owner.name() + " approved");
        assertThat(page.locator("#notifications a.subject")).hasAttribute("href",
                "/" + repo.urlPath() + "/pulls/" + pr.number());
        both(page, "people-journey-1-notifications");
        page.click("#notifications li.unread .mark-read");
        assertThat(page.locator("#notifications li.unread")).hasCount(0);
        assertThat(page.locator("#nav-unread")).hasCount(0);
        page.click("#notifications a.subject");
        assertThat(page).hasURL(prUrl);
        assertThat(page.locator("#nav-unread")).hasCount(0);

        // The author's page: the identicon, the pull request.
        page.click("#nav-user");
        assertThat(page.locator("#user-title")).hasText(author.name());
        assertThat(page.locator("#user-pulls")).containsText("Explain the 910B3 setup");
        // The load event comes after every image of the page, so the identicon has arrived (or failed).
        // waitForFunction would poll with eval, which the hub's CSP (script-src 'self') forbids once
        // the first check finds the image still loading.
        page.waitForLoadState(LoadState.LOAD);
        assertThat(((Number) page.evaluate("document.querySelector('#user-avatar').naturalWidth")).intValue())
                .as("the identicon loaded").isEqualTo(96);
        both(page, "people-journey-2-profile");

        // A file that is no image: refused on the form, the typed bio kept.
        page.click("#edit-profile");
        page.fill("#bio", "Porting **Llama** to Ascend.");
        page.setInputFiles("#avatar", new FilePayload("me.png", "image/png",
                "not really a picture".getBytes(StandardCharsets.UTF_8)));
        page.click("#profile-save");
        assertThat(page.locator("#avatar-error")).containsText("not a PNG, JPEG or WebP image");
        assertThat(page.locator("#bio")).hasValue("Porting **Llama** to Ascend.");
        both(page, "people-journey-3-bad-avatar");
        page.click("#profile-save");
        assertThat(page.locator("#profile-saved")).isVisible();
        page.navigate(base + "/" + author.name());
        assertThat(page.locator("#user-bio strong")).hasText("Llama");
    }
}
