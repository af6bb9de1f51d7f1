package dev.adapthub.web.webhook;

import static dev.adapthub.web.support.SampleContent.INFERENCE_CONFIG;
import static dev.adapthub.web.support.SampleContent.MODEL_CONFIG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.audit.AuditEntry;
import dev.adapthub.core.audit.AuditFilter;
import dev.adapthub.core.audit.AuditLog;
import dev.adapthub.core.org.NewOrganization;
import dev.adapthub.core.org.Organization;
import dev.adapthub.core.org.OrganizationService;
import dev.adapthub.core.pull.NewPullRequest;
import dev.adapthub.core.pull.PullMerges;
import dev.adapthub.core.pull.PullRequest;
import dev.adapthub.core.pull.PullRequestService;
import dev.adapthub.core.pull.ReviewVerdict;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.core.token.TokenScope;
import dev.adapthub.core.webhook.Attempt;
import dev.adapthub.core.webhook.Delivery;
import dev.adapthub.core.webhook.NewWebhook;
import dev.adapthub.core.webhook.Signatures;
import dev.adapthub.core.webhook.WebhookService;
import dev.adapthub.git.merge.MergeMethod;
import dev.adapthub.git.write.Content;
import dev.adapthub.git.write.FileChange;
import dev.adapthub.web.support.GitCli;
import dev.adapthub.web.support.TestAccounts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks end to end on PostgreSQL with the real git client and a real HTTP receiver: a push is
 * delivered signed, a failing receiver is retried with growing pauses until it answers, every
 * attempt is logged, a disabled hook gets nothing, and a URL that is malformed or points inside
 * the network is refused with 422 and stores nothing.
 */
@HooksTest
class WebhookDeliveryTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    @RegisterExtension static final HookReceiver receiver = new HookReceiver();

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired RepoService repos;
    @Autowired WebhookService hooks;
    @Autowired AuditLog audit;
    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired OrganizationService organizations;
    @Autowired RepoWrites writes;
    @Autowired PullRequestService pulls;
    @Autowired PullMerges merges;

    @Test
    void aPushIsDeliveredSignedAndAFailingReceiverIsRetriedUntilItAnswers() throws Exception {
        Account ada = accounts.create("hooks");
        String token = accounts.token(ada, TokenScope.WRITE);
        Repo repo = repos.create(ada, new NewRepo(RepoKind.MODEL, null, "hooked", false));
        NewWebhook good = hooks.create(ada, repo, receiver.url("/good"), List.of());
        NewWebhook flaky = hooks.create(ada, repo, receiver.url("/flaky"), List.of("push"));
        // Every new hook is pinged, whatever it subscribes to; the receiver fails only what follows.
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at("/flaky", "ping").size() == 1);
        receiver.failFirst("/flaky", 2);

        String head = push(ada, token, repo);

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at("/good", "push").size() == 1);
        HookReceiver.Received push = receiver.at("/good", "push").get(0);
        assertThat(push.header("X-Hub-Signature-256"))
                .isEqualTo(Signatures.sign(good.secret(), push.body().getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(Signatures.sign(flaky.secret(), push.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(push.header("X-Hub-Delivery")).matches("[0-9a-f-]{36}");
        assertThat(push.header("Content-Type")).isEqualTo("application/json");
        JsonNode payload = JSON.readTree(push.body());
        assertThat(payload.get("ref").asString()).isEqualTo("refs/heads/main");
        assertThat(payload.get("after").asString()).isEqualTo(head);
        assertThat(payload.get("created").asBoolean()).isTrue();
        assertThat(payload.get("repository").get("full_name").asString()).isEqualTo(repo.fullName());
        assertThat(payload.get("sender").get("login").asString()).isEqualTo(ada.name());
        assertThat(receiver.at("/good", "ping")).hasSize(1);

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at("/flaky", "push").size() == 3);
        List<HookReceiver.Received> tries = receiver.at("/flaky", "push");
        assertThat(tries).extracting(r -> r.header("X-Hub-Delivery")).containsOnly(tries.get(0).header("X-Hub-Delivery"));
        // Exponential back-off from a 150 ms base: at least 150 ms, then at least 300 ms.
        assertThat(tries.get(1).arrivedNanos() - tries.get(0).arrivedNanos()).isGreaterThan(140_000_000L);
        assertThat(tries.get(2).arrivedNanos() - tries.get(1).arrivedNanos()).isGreaterThan(290_000_000L);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> hooks.deliveries(ada, flaky.webhook().id())
                .stream().anyMatch(d -> d.status() == Delivery.Status.DELIVERED));
        Delivery delivered = hooks.deliveries(ada, flaky.webhook().id()).stream()
                .filter(d -> d.event().equals("push")).findFirst().orElseThrow();
        assertThat(delivered.attempts()).isEqualTo(3);
        assertThat(hooks.attempts(ada, flaky.webhook().id(), delivered.id())).extracting(Attempt::responseCode)
                .containsExactly(503, 503, 200);
        assertThat(receiver.at("/good", "push")).hasSize(1);
    }

    @Test
    void anOrganizationHookHearsItsRepositoriesPullRequestsChecksAndAdaptations() throws Exception {
        Account owner = accounts.create("orghooks");
        Account author = accounts.create("author");
        Organization org = organizations.create(owner.id(), new NewOrganization("hk-" + UUID.randomUUID().toString()
                .substring(0, 6), null, null));
        NewWebhook hook = hooks.create(owner, org, receiver.url("/org"), List.of());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at("/org", "ping").size() == 1);

        Repo repo = repos.create(owner, new NewRepo(RepoKind.MODEL, org.name(), "adapted", false));
        JsonNode created = single("/org", "repository", hook);
        assertThat(created.get("action").asString()).isEqualTo("created");
        assertThat(created.get("repository").get("full_name").asString()).isEqualTo(repo.fullName());

        writes.commit(repo, owner, "main", ObjectId.zeroId(), "Model config", List.of(new FileChange.Put(
                "config.json", Content.of(MODEL_CONFIG.getBytes(StandardCharsets.UTF_8)))));
        PullRequest pr = pulls.openWithChanges(author, repo, NewPullRequest.of("A100 config", ""), null,
                "Add an A100 config", List.of(new FileChange.Put("adaptations/a100.yaml",
                        Content.of(INFERENCE_CONFIG.getBytes(StandardCharsets.UTF_8)))));
        JsonNode opened = single("/org", "pull_request", hook);
        assertThat(opened.get("action").asString()).isEqualTo("opened");
        assertThat(opened.get("number").asLong()).isEqualTo(pr.number());
        assertThat(opened.get("sender").get("login").asString()).isEqualTo(author.name());
        String head = opened.get("pull_request").get("head").get("sha").asString();

        JsonNode check = single("/org", "check_run", hook);
        assertThat(check.get("action").asString()).isEqualTo("completed");
        assertThat(check.get("check_run").get("head_sha").asString()).isEqualTo(head);
        assertThat(check.get("check_run").get("conclusion").asString()).isNotBlank();

        pulls.review(owner, repo, pr.number(), ReviewVerdict.APPROVE, null);
        merges.merge(owner, repo, pr.number(), MergeMethod.MERGE_COMMIT, null);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at("/org", "pull_request").stream()
                .anyMatch(r -> r.body().contains("\"merged\"")));
        JsonNode merged = JSON.readTree(receiver.at("/org", "pull_request").stream()
                .filter(r -> r.body().contains("\"merged\"")).findFirst().orElseThrow().body());
        assertThat(merged.get("pull_request").get("merged").asBoolean()).isTrue();
        assertThat(merged.get("pull_request").get("merge_method").asString()).isNotBlank();

        // The merged config is validated on the default branch in the background: an adaptation event.
        JsonNode adaptation = single("/org", "adaptation", hook);
        assertThat(adaptation.get("action").asString()).isEqualTo("validated");
        assertThat(adaptation.get("adaptation").get("path").asString()).isEqualTo("adaptations/a100.yaml");
        assertThat(adaptation.get("adaptation").get("chip").asString()).isEqualTo("nvidia-a100-80g-sxm");
        assertThat(adaptation.get("repository").get("full_name").asString()).isEqualTo(repo.fullName());
    }

    /** Waits for the first delivery of {@code event} at {@code path}, checks its signature and returns its payload. */
    private JsonNode single(String path, String event, NewWebhook hook) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !receiver.at(path, event).isEmpty());
        HookReceiver.Received received = receiver.at(path, event).get(0);
        assertThat(received.header("X-Hub-Signature-256")).as(event + " is signed with the hook's secret")
                .isEqualTo(Signatures.sign(hook.secret(), received.body().getBytes(StandardCharsets.UTF_8)));
        return JSON.readTree(received.body());
    }

    @Test
    void aReceiverThatNeverAnswersWellIsGivenUpAfterTheLastAttemptAndCanBeRedelivered() throws Exception {
        Account bo = accounts.create("hooks");
        Repo repo = repos.create(bo, new NewRepo(RepoKind.MODEL, null, "down", false));
        receiver.failFirst("/down", 100);
        NewWebhook hook = hooks.create(bo, repo, receiver.url("/down"), List.of());

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> hooks.deliveries(bo, hook.webhook().id())
                .get(0).status() == Delivery.Status.FAILED);
        Delivery ping = hooks.deliveries(bo, hook.webhook().id()).get(0);
        assertThat(ping.attempts()).isEqualTo(4);
        receiver.failFirst("/down", 0);

        hooks.redeliver(bo, hook.webhook().id(), ping.id());

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> hooks.deliveries(bo, hook.webhook().id())
                .get(0).status() == Delivery.Status.DELIVERED);
        assertThat(hooks.attempts(bo, hook.webhook().id(), ping.id())).extracting(Attempt::responseCode)
                .containsExactly(503, 503, 503, 503, 200);
        assertThat(receiver.at("/down", "ping")).hasSize(5);
    }

    @Test
    void aDisabledHookIsSentNothing() throws Exception {
        Account cy = accounts.create("hooks");
        String token = accounts.token(cy, TokenScope.WRITE);
        Repo repo = repos.create(cy, new NewRepo(RepoKind.MODEL, null, "quiet", false));
        NewWebhook hook = hooks.create(cy, repo, receiver.url("/quiet"), List.of("push"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> receiver.at("/quiet", "ping").size() == 1);
        hooks.setActive(cy, hook.webhook().id(), false);

        push(cy, token, repo);
        NewWebhook witness = hooks.create(cy, repo, receiver.url("/witness"), List.of("push"));
        push(cy, token, repo, "second");

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> receiver.at("/witness", "push").size() == 1);
        assertThat(receiver.at("/quiet", "push")).isEmpty();
        assertThat(hooks.deliveries(cy, witness.webhook().id())).isNotEmpty();
    }

    @Test
    void malformedOrInternalUrlsAre422AndStoreNothing() throws Exception {
        Account dee = accounts.create("hooks");
        Account reader = accounts.create("reader");
        Repo repo = repos.create(dee, new NewRepo(RepoKind.MODEL, null, "guarded", false));
        String form = "/" + repo.urlPath() + "/settings/hooks";

        for (String url : List.of("not a url", "ftp://example.org/hook", "http://10.0.0.7/hook",
                "http://169.254.169.254/latest/meta-data/", "http://[fd00::1]/", "http://192.168.1.10:8080/",
                "http://user:secret@127.0.0.1/x", "")) {
            MockHttpServletResponse answer = mvc.perform(post(form).param("url", url).param("events", "push")
                    .with(user(accounts.principal(dee))).with(csrf())).andReturn().getResponse();
            assertThat(answer.getStatus()).as(url).isEqualTo(422);
            assertThat(answer.getContentAsString()).as(url).contains("id=\"hook-url-error\"");
        }
        MockHttpServletResponse unknownEvent = mvc.perform(post(form).param("url", receiver.url("/x"))
                .param("events", "deploy").with(user(accounts.principal(dee))).with(csrf())).andReturn().getResponse();
        assertThat(unknownEvent.getStatus()).isEqualTo(422);
        assertThat(unknownEvent.getContentAsString()).contains("Unknown event");
        int byReader = mvc.perform(post(form).param("url", receiver.url("/x")).with(user(accounts.principal(reader)))
                .with(csrf())).andReturn().getResponse().getStatus();
        assertThat(byReader).isEqualTo(403);
        int withoutCsrf = mvc.perform(post(form).param("url", receiver.url("/x"))
                .with(user(accounts.principal(dee)))).andReturn().getResponse().getStatus();
        assertThat(withoutCsrf).isEqualTo(403);

        assertThat(hooks.of(dee, repo)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from webhooks where repository_id = ?", Long.class, repo.id()))
                .isZero();
        assertThat(audit.ofRepository(dee, repo, new AuditFilter(null, "webhook", null, null, null, 100))).isEmpty();
    }

    @Test
    void hookChangesAreAudited() throws Exception {
        Account eve = accounts.create("hooks");
        Repo repo = repos.create(eve, new NewRepo(RepoKind.MODEL, null, "audited", false));
        NewWebhook hook = hooks.create(eve, repo, receiver.url("/audited"), List.of("push"));
        hooks.setActive(eve, hook.webhook().id(), false);
        hooks.delete(eve, hook.webhook().id());

        List<AuditEntry> entries = audit.ofRepository(eve, repo, new AuditFilter(null, "webhook", null, null, null, 10));
        assertThat(entries).extracting(AuditEntry::kind)
                .containsExactly("webhook.deleted", "webhook.disabled", "webhook.created");
        assertThat(entries).allSatisfy(e -> assertThat(e.actor()).isEqualTo(eve.name()));
        assertThat(entries.get(2).target()).contains(receiver.url("/audited"));
    }

    private String push(Account account, String token, Repo repo) throws Exception {
        return push(account, token, repo, "first");
    }

    /** Clones, commits a file named after {@code what}, pushes main and returns the new head. */
    static String push(Account account, String token, Repo repo, String what, int port) throws Exception {
        GitCli git = new GitCli();
        Path work = Files.createTempDirectory("hooks-push");
        git.ok(work, "clone", "-q", "http://" + account.name() + ":" + token + "@localhost:" + port + "/"
                + repo.urlPath() + ".git", "repo");
        Path clone = work.resolve("repo");
        Files.writeString(clone.resolve(what + ".txt"), what + "\n");
        git.ok(clone, "add", ".");
        git.ok(clone, "commit", "-q", "-m", "Add " + what);
        git.ok(clone, "push", "-q", "origin", "HEAD:main");
        return git.ok(clone, "rev-parse", "HEAD").stdout().strip();
    }

    private String push(Account account, String token, Repo repo, String what) throws Exception {
        return push(account, token, repo, what, port);
    }
}
