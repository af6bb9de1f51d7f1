package dev.adapthub.web.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.adapthub.core.account.Account;
import dev.adapthub.core.account.AccountService;
import dev.adapthub.core.event.AdaptationChanged;
import dev.adapthub.core.event.ReviewRequested;
import dev.adapthub.core.notification.Notification;
import dev.adapthub.core.notification.NotificationKind;
import dev.adapthub.core.notification.NotificationQueue;
import dev.adapthub.core.notification.NotificationService;
import dev.adapthub.core.profile.ProfileService;
import dev.adapthub.core.pull.PullRequest;
import dev.adapthub.core.pull.PullRequestService;
import dev.adapthub.core.pull.ReviewVerdict;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.RepoSettings;
import dev.adapthub.core.repo.RepoSettingsService;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.git.write.Content;
import dev.adapthub.git.write.FileChange;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.TestAccounts;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Notifications from real actions: reviews, merges, mentions, review requests, finished checks and
 * stale validations reach the right person, never the actor and never someone who cannot read the
 * repository; the header counts them; the page marks them read (POST with CSRF only); e-mail
 * reaches a real SMTP server for those who opted in, after the action, without ever failing it.
 */
@HubWebTest
class NotificationsTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired MockMvc mvc;
    @Autowired AccountService accountService;
    @Autowired TestAccounts accounts;
    @Autowired RepoService repos;
    @Autowired RepoWrites writes;
    @Autowired PullRequestService pulls;
    @Autowired dev.adapthub.core.pull.PullMerges merges;
    @Autowired NotificationService notifications;
    @Autowired ProfileService profiles;
    @Autowired ApplicationEventPublisher events;
    @Autowired RepoSettingsService settings;
    @Autowired dev.adapthub.core.repo.content.RepoFiles files;
    @Autowired NotificationQueue queue;

    /** Notifications are made on their own thread after the action: wait for what was done so far. */
    private void made() throws InterruptedException {
        assertThat(queue.awaitIdle(Duration.ofSeconds(30))).as("notifications made within 30 s").isTrue();
    }

    private List<Notification> of(Account account) {
        return notifications.page(account.id(), 0).getContent();
    }

    private String page(Account viewer, String path) throws Exception {
        MvcResult result = mvc.perform(get(path).with(user(accounts.principal(viewer)))).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    @Test
    void reviewsMergesMentionsAndRequestsReachThoseConcernedAndNobodyElse() throws Exception {
        Account owner = PeopleSetup.account(accountService, "own");
        Account author = PeopleSetup.account(accountService, "aut");
        Account outsider = PeopleSetup.account(accountService, "out");
        Repo repo = PeopleSetup.repo(repos, writes, owner, false);
        PullRequest pr = PeopleSetup.readmePull(pulls, author, repo, "Better README");

        pulls.review(owner, repo, pr.number(), ReviewVerdict.APPROVE, null);
        pulls.comment(author, repo, pr.number(), "Thanks @" + owner.name().toUpperCase() + " and @" + author.name()
                + ", cc @" + outsider.name() + " and @nobody-here; not me@" + outsider.name() + ".org, not `@"
                + outsider.name() + "`");
        events.publishEvent(new ReviewRequested(repo.id(), pr.number(), outsider.name(), owner.name()));
        merges.merge(owner, repo, pr.number(), dev.adapthub.git.merge.MergeMethod.MERGE_COMMIT, null);
        made();

        assertThat(of(author)).extracting(Notification::kind)
                .containsExactly(NotificationKind.MERGED, NotificationKind.REVIEW_APPROVED);
        assertThat(of(author).get(1).actor()).isEqualTo(owner.name());
        assertThat(of(author).get(1).link()).isEqualTo("/" + repo.urlPath() + "/pulls/" + pr.number());
        assertThat(of(owner)).extracting(Notification::kind).containsExactly(NotificationKind.MENTIONED);
        assertThat(of(outsider)).extracting(Notification::kind)
                .containsExactly(NotificationKind.REVIEW_REQUESTED, NotificationKind.MENTIONED);

        // The header counts the unread ones; the page lists them with their links.
        assertThat(page(author, "/")).contains("id=\"nav-unread\"").containsPattern("id=\"nav-unread\"[^>]*>2<");
        String list = page(author, "/notifications");
        assertThat(list).contains("approved").contains("merged").contains("Better README")
                .contains("href=\"/" + repo.urlPath() + "/pulls/" + pr.number() + "\"");

        // Mark as read: POST with CSRF only, and only one's own.
        long approval = of(author).get(1).id();
        assertThat(mvc.perform(post("/notifications/" + approval + "/read").with(user(accounts.principal(author))))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/notifications/" + approval + "/read").with(user(accounts.principal(owner)))
                .with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(notifications.unread(author.id())).isEqualTo(2);
        mvc.perform(post("/notifications/" + approval + "/read").with(user(accounts.principal(author))).with(csrf()));
        assertThat(notifications.unread(author.id())).isEqualTo(1);
        mvc.perform(post("/notifications/read-all").with(user(accounts.principal(author))).with(csrf()));
        assertThat(notifications.unread(author.id())).isZero();
        assertThat(page(author, "/")).doesNotContain("id=\"nav-unread\"");
        assertThat(mvc.perform(get("/notifications")).andReturn().getResponse().getRedirectedUrl()).endsWith("/login");
    }

    @Test
    void aNewNotificationIsNotHiddenByA304OfAnUnchangedPage() throws Exception {
        Account owner = PeopleSetup.account(accountService, "own");
        Account author = PeopleSetup.account(accountService, "aut");
        Repo repo = PeopleSetup.repo(repos, writes, owner, false);
        PullRequest pr = PeopleSetup.readmePull(pulls, author, repo, "Etag README");
        String path = "/" + repo.urlPath();
        // The seeded config is validated in the background, which changes the page once: wait until
        // the page is stable, i.e. its own ETag is answered with 304.
        AtomicReference<String> etag = new AtomicReference<>();
        Awaitility.await().atMost(30, TimeUnit.SECONDS).pollInterval(100, TimeUnit.MILLISECONDS).until(() -> {
            etag.set(mvc.perform(get(path).with(user(accounts.principal(author)))).andReturn().getResponse()
                    .getHeader("ETag"));
            return mvc.perform(get(path).with(user(accounts.principal(author))).header("If-None-Match", etag.get()))
                    .andReturn().getResponse().getStatus() == 304;
        });

        pulls.review(owner, repo, pr.number(), ReviewVerdict.APPROVE, null);
        made();

        MvcResult again = mvc.perform(get(path).with(user(accounts.principal(author)))
                .header("If-None-Match", etag.get()))
                .andReturn();
        assertThat(again.getResponse().getStatus()).as("the header's unread count moved").isEqualTo(200);
        assertThat(again.getResponse().getContentAsString()).containsPattern("id=\"nav-unread\"[^>]*>1<");
    }

    @Test
    void nobodyHearsOfAPrivateRepositoryTheyCannotRead() throws Exception {
        Account owner = PeopleSetup.account(accountService, "own");
        Account outsider = PeopleSetup.account(accountService, "out");
        Repo secret = PeopleSetup.repo(repos, writes, owner, true);
        PullRequest pr = PeopleSetup.readmePull(pulls, owner, secret, "Secret plans");

        pulls.comment(owner, secret, pr.number(), "@" + outsider.name() + " look at this");
        events.publishEvent(new ReviewRequested(secret.id(), pr.number(), outsider.name(), owner.name()));
        made();

        assertThat(of(outsider)).isEmpty();
        assertThat(notifications.unreadOfName(outsider.name())).isZero();

        // A repository that turns private after the notification: the page withholds what it was about.
        Repo soon = PeopleSetup.repo(repos, writes, owner, false);
        PullRequest onSoon = PeopleSetup.readmePull(pulls, owner, soon, "Soon private");
        pulls.comment(owner, soon, onSoon.number(), "@" + outsider.name() + " please look");
        made();
        assertThat(of(outsider)).extracting(Notification::kind).containsExactly(NotificationKind.MENTIONED);
        settings.update(owner, soon, new RepoSettings(true, null, null));
        assertThat(page(outsider, "/notifications")).contains("a repository you can no longer read")
                .doesNotContain("Soon private").doesNotContain(soon.fullName());
    }

    @Test
    void finishedChecksAndAStaleValidationReachTheAuthor() throws Exception {
        Account owner = PeopleSetup.account(accountService, "own");
        Account author = PeopleSetup.account(accountService, "aut");
        Repo repo = PeopleSetup.repo(repos, writes, owner, false);
        String config = new String(PeopleSetup.demo(PeopleSetup.CONFIG), StandardCharsets.UTF_8)
                .replace("maxNumSeqs: 128", "maxNumSeqs: 64");
        PullRequest pr = pulls.openWithChanges(author, repo, dev.adapthub.core.pull.NewPullRequest.of("Fewer seqs", ""),
                null, "Fewer seqs", List.of(new FileChange.Put(PeopleSetup.CONFIG,
                        Content.of(config.getBytes(StandardCharsets.UTF_8)))));

        long deadline = System.currentTimeMillis() + 30_000;
        while (of(author).isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(of(author)).extracting(Notification::kind).containsExactly(NotificationKind.CHECKS_FINISHED);
        assertThat(of(author).get(0).detail()).isEqualTo("success");
        assertThat(page(author, "/notifications")).contains("Checks finished (all passed)");

        // The seed commit is the owner's: a stale validation of that config reaches the owner, once.
        String head = files.resolve(repo, "main").orElseThrow().commitId().name();
        AdaptationChanged stale = new AdaptationChanged(repo.id(), PeopleSetup.CONFIG, "ascend-910b3", "stale", null,
                head, "The backend changed.");
        events.publishEvent(stale);
        events.publishEvent(stale);
        made();
        assertThat(of(owner)).extracting(Notification::kind).containsExactly(NotificationKind.VALIDATION_STALE);
        assertThat(of(owner).get(0).link()).isEqualTo("/" + repo.urlPath()
                + "/adaptations/ascend-910b3/ascend-910b3-vllm-ascend.yaml/report");
        assertThat(pr.number()).isPositive();
    }

    @Test
    void mailReachesThoseWhoOptedInAfterTheActionAndABrokenServerFailsNothing() throws Exception {
        Account owner = PeopleSetup.account(accountService, "own");
        Account keen = PeopleSetup.account(accountService, "kee");
        Account quiet = PeopleSetup.account(accountService, "qui");
        profiles.update(keen, null, true, null);
        Repo repo = PeopleSetup.repo(repos, writes, owner, false);
        PullRequest byKeen = PeopleSetup.readmePull(pulls, keen, repo, "Keen change");
        PullRequest byQuiet = PeopleSetup.readmePull(pulls, quiet, repo, "Quiet change");
        System.setProperty("hub.smtp.host", "127.0.0.1");
        System.setProperty("hub.smtp.port", String.valueOf(smtp.getSmtp().getPort()));
        try {
            pulls.review(owner, repo, byQuiet.number(), ReviewVerdict.APPROVE, null);
            pulls.review(owner, repo, byKeen.number(), ReviewVerdict.APPROVE, null);
            assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
            MimeMessage[] mails = smtp.getReceivedMessages();
            assertThat(mails).hasSize(1);
            assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo(keen.email());
            assertThat(mails[0].getSubject()).contains(owner.name() + " approved " + repo.fullName())
                    .contains("Keen change");
            assertThat((String) mails[0].getContent()).contains("/" + repo.urlPath() + "/pulls/" + byKeen.number());

            // No server listening: the review still succeeds and the notification is still there.
            System.setProperty("hub.smtp.port", "1");
            pulls.comment(owner, repo, byKeen.number(), "Merging soon, @" + keen.name());
            made();
            assertThat(of(keen)).extracting(Notification::kind)
                    .containsExactly(NotificationKind.MENTIONED, NotificationKind.REVIEW_APPROVED);
        } finally {
            System.clearProperty("hub.smtp.host");
            System.clearProperty("hub.smtp.port");
        }
    }
}
