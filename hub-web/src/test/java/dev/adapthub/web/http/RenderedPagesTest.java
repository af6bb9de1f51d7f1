package dev.adapthub.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.account.AccountService;
import dev.adapthub.core.popularity.Likes;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.git.refs.RefChange;
import dev.adapthub.git.refs.RefUpdater;
import dev.adapthub.git.store.RepositoryStore;
import dev.adapthub.git.write.FileChange;
import dev.adapthub.web.support.FormSession;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.TestAccounts;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Pages kept by their ETag ({@link RenderedPages}): a repeated view is the kept bytes, a kept
 * signed-in page's forms still work, and a kept page is never shown to another viewer or after
 * anything it shows has changed.
 */
@HubWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RenderedPagesTest {

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired AccountService accountService;
    @Autowired RepoService repos;
    @Autowired RepoWrites writes;
    @Autowired RepositoryStore store;
    @Autowired Likes likes;
    @Autowired MeterRegistry meters;

    final HttpClient anonymous = HttpClient.newHttpClient();
    Account owner;
    Repo model;
    Repo tool;
    ObjectId toolHead;

    @BeforeAll
    void createRepositories() {
        owner = accounts.create("kept");
        model = repos.create(owner, new NewRepo(RepoKind.MODEL, null, "kept-model", false));
        writes.commit(model, owner, "main", null, "Files", List.of(
                FileChange.put("README.md", "# Kept\n\nRendered *once*.\n"),
                FileChange.put("config.json", "{\"model_type\": \"llama\"}\n")));
        tool = repos.create(owner, new NewRepo(RepoKind.TOOL, null, "kept-tool", false));
        toolHead = writes.commit(tool, owner, "main", null, "Card", List.of(
                FileChange.put("README.md", "---\nchips: [ascend-910b]\n---\n# A tool\n"))).commitId();
    }

    private double kept() {
        return meters.counter("hub.pages.rendered", "answer", "kept").count();
    }

    private HttpResponse<String> view(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(FormSession.url(port, path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRepeatedViewIsTheKeptPageAndItsFormsStillWork() throws Exception {
        HttpClient admin = FormSession.signIn(port, "admin", HubWebTest.ADMIN_PASSWORD);
        for (HttpClient viewer : List.of(anonymous, admin)) {
            for (String path : List.of("/" + model.urlPath(), "/" + model.urlPath() + "/tree/main",
                    "/" + model.urlPath() + "/blob/main/config.json")) {
                HttpResponse<String> first = view(viewer, path);
                double before = kept();
                HttpResponse<String> second = view(viewer, path);
                assertThat(second.statusCode()).as(path).isEqualTo(200);
                assertThat(kept()).as("the second view of %s is the kept page", path).isEqualTo(before + 1);
                assertThat(second.body()).isEqualTo(first.body());
                assertThat(second.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
                assertThat(second.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
            }
        }
        // The like button of a kept page carries a CSRF token the session still accepts.
        String page = view(admin, "/" + model.urlPath()).body();
        assertThat(page).contains("id=\"like-button\"");
        HttpResponse<String> liked = admin.send(HttpRequest.newBuilder(FormSession.url(port, "/" + model.urlPath() + "/like"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + FormSession.encode(FormSession.csrf(page))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(liked.statusCode()).isBetween(200, 399);
        assertThat(view(admin, "/" + model.urlPath()).body()).contains("id=\"unlike-button\"");
        likes.unlike(model, accountService.findByName("admin").orElseThrow());
    }

    @Test
    void aPageKeptForOneHostNameCarriesTheOtherHostsLinksWhenReadThroughIt() throws Exception {
        String path = "/" + model.urlPath();
        view(anonymous, path);
        assertThat(view(anonymous, path).body()).contains("http://127.0.0.1:" + port + path + ".git");
        String viaLocalhost = anonymous.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(viaLocalhost).contains("http://localhost:" + port + path + ".git").doesNotContain("127.0.0.1");
    }

    @Test
    void theFilePageOfAJsonFileIsAnHtmlPage() throws Exception {
        HttpResponse<String> page = view(anonymous, "/" + model.urlPath() + "/blob/main/config.json");
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(page.body()).startsWith("<!DOCTYPE html>");
    }

    @Test
    void aKeptPageIsNeverShownToAnotherViewer() throws Exception {
        HttpClient admin = FormSession.signIn(port, "admin", HubWebTest.ADMIN_PASSWORD);
        String path = "/" + model.urlPath() + "/blob/main/config.json";
        for (int i = 0; i < 2; i++) {
            assertThat(view(admin, path).body()).contains("id=\"nav-user\"");
            assertThat(view(anonymous, path).body()).doesNotContain("id=\"nav-user\"");
        }
        Repo secret = repos.create(owner, new NewRepo(RepoKind.MODEL, null, "kept-secret", true));
        writes.commit(secret, owner, "main", null, "Files", List.of(FileChange.put("README.md", "# Secret\n")));
        assertThat(view(admin, "/" + secret.urlPath()).statusCode()).isEqualTo(200);
        assertThat(view(admin, "/" + secret.urlPath()).statusCode()).isEqualTo(200);
        assertThat(view(anonymous, "/" + secret.urlPath()).statusCode()).isEqualTo(404);
        HttpClient other = FormSession.signIn(port, "admin", HubWebTest.ADMIN_PASSWORD);
        assertThat(view(other, "/" + secret.urlPath()).body())
                .as("the same viewer in another session gets a page of its own (its own CSRF tokens)")
                .isNotEqualTo(view(admin, "/" + secret.urlPath()).body());
    }

    @Test
    void theViewersOwnLikeShowsEvenWhenTheCountStaysTheSame() throws Exception {
        HttpClient admin = FormSession.signIn(port, "admin", HubWebTest.ADMIN_PASSWORD);
        Account reader = accounts.create("liker");
        Account adminAccount = accountService.findByName("admin").orElseThrow();
        likes.like(model, reader);
        String before = view(admin, "/" + model.urlPath()).body();
        assertThat(before).contains("id=\"like-button\"").contains("id=\"like-count\">1 like");
        likes.unlike(model, reader);
        likes.like(model, adminAccount);
        String after = view(admin, "/" + model.urlPath()).body();
        assertThat(after).contains("id=\"unlike-button\"").contains("id=\"like-count\">1 like");
        likes.unlike(model, adminAccount);
    }

    @Test
    void theToolCenterKeptForASignedInReaderShowsANewLikeAtOnce() throws Exception {
        HttpClient admin = FormSession.signIn(port, "admin", HubWebTest.ADMIN_PASSWORD);
        String first = view(admin, "/tools?q=kept-tool").body();
        assertThat(first).contains(tool.urlPath());
        double before = kept();
        assertThat(view(admin, "/tools?q=kept-tool").body()).isEqualTo(first);
        assertThat(kept()).isEqualTo(before + 1);
        likes.like(tool, accounts.create("fan"));
        assertThat(view(admin, "/tools?q=kept-tool").body()).contains("class=\"num tool-likes\">1<");
    }

    @Test
    void aToolsNewTagShowsWithoutANewCommitOnItsBranch() throws Exception {
        String path = "/" + tool.urlPath();
        assertThat(view(anonymous, path).body()).contains("id=\"no-versions\"");
        view(anonymous, path);
        new RefUpdater().update(store.open(repos.storageOf(tool)), new PersonIdent("t", "t@example.org"), "tag",
                RefChange.create("refs/tags/v0.9", toolHead));
        assertThat(view(anonymous, path).body()).contains(">v0.9</a>").doesNotContain("id=\"no-versions\"");
    }
}
