package dev.adapthub.web.pull;

import static dev.adapthub.web.pull.PullFixture.api;
import static dev.adapthub.web.pull.PullFixture.call;
import static dev.adapthub.web.pull.PullTestSupport.details;
import static dev.adapthub.web.pull.PullTestSupport.merge;
import static dev.adapthub.web.pull.PullTestSupport.open;
import static dev.adapthub.web.pull.PullTestSupport.review;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.adapthub.core.pull.protection.BranchProtections;
import dev.adapthub.core.pull.protection.ProtectionRule;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoPermission;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.git.refs.RefChange;
import dev.adapthub.git.refs.RefUpdater;
import dev.adapthub.git.store.RepositoryStore;
import dev.adapthub.web.pull.PullFixture.Answer;
import dev.adapthub.web.pull.PullFixture.Team;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.TestAccounts;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Bad input to pull requests: each is refused with a clear 4xx and leaves everything as it was
 * (no pull request, no ref, no comment, the branch where it was).
 */
@HubWebTest
class PullRequestBadInputTest {

    @LocalServerPort int port;
    @Autowired PullFixture fixture;
    @Autowired RepoFiles files;
    @Autowired BranchProtections protections;
    @Autowired TestAccounts accounts;
    @Autowired MockMvc mvc;
    @Autowired RepositoryStore store;
    @Autowired RepoService repos;
    @Autowired RefUpdater refUpdater;

    Team team;
    Repo repo;

    @BeforeEach
    void setUp() {
        team = fixture.team();
        repo = team.repo();
    }

    private int prCount() {
        return call(port, "GET", api(repo) + "?state=all", null, null).body().size();
    }

    /** Every ref of the repository with its commit: the state bad input must not change. */
    private List<String> refs() throws Exception {
        return git().getRefDatabase().getRefs().stream().map(r -> r.getName() + "=" + r.getObjectId().name())
                .sorted().toList();
    }

    private org.eclipse.jgit.lib.Repository git() throws Exception {
        return store.open(repos.storageOf(repo));
    }

    private Answer create(String token, Map<String, Object> body) {
        return call(port, "POST", api(repo), token, body);
    }

    @Test
    void aPullRequestFromAMissingRefOrToAMissingBranchOrWithNothingInItIsRefused() throws Exception {
        refUpdater.update(git(), new PersonIdent("t", "t@example.org"), "test", RefChange.create(
                "refs/heads/same-as-main", git().exactRef("refs/heads/main").getObjectId()));
        List<String> before = refs();
        int count = prCount();

        Answer missingSource = create(team.memberToken(), Map.of("title", "t", "source", "no-such-branch"));
        Answer badSource = create(team.memberToken(), Map.of("title", "t", "source", "../../etc"));
        Answer missingTarget = create(team.contributorToken(), Map.of("title", "t", "target", "no-such-branch",
                "files", List.of(Map.of("path", "A.md", "content", "a"))));
        Answer noFiles = create(team.contributorToken(), Map.of("title", "t", "files", List.of()));
        Answer sameContent = create(team.contributorToken(), Map.of("title", "t",
                "files", List.of(Map.of("path", "README.md", "content", "# Llama 3.1 8B adaptations\n"))));
        Answer traversal = create(team.contributorToken(), Map.of("title", "t",
                "files", List.of(Map.of("path", "../outside.txt", "content", "x"))));
        Answer sourceIsTarget = create(team.memberToken(), Map.of("title", "t", "source", "main"));
        Answer noTitle = create(team.memberToken(), Map.of("source", "same-as-main"));

        assertThat(missingSource.status()).isEqualTo(422);
        assertThat(missingSource.body().get("error").asText()).contains("'no-such-branch' does not exist");
        assertThat(badSource.status()).isEqualTo(422);
        assertThat(missingTarget.status()).isEqualTo(422);
        assertThat(missingTarget.body().get("error").asText()).contains("target branch 'no-such-branch' does not exist");
        assertThat(noFiles.status()).isEqualTo(422);
        assertThat(noFiles.body().get("error").asText()).contains("at least one change");
        assertThat(sameContent.status()).isEqualTo(422);
        assertThat(sameContent.body().get("error").asText()).containsIgnoringCase("nothing to commit");
        assertThat(traversal.status()).isEqualTo(422);
        assertThat(sourceIsTarget.status()).isEqualTo(422);
        assertThat(noTitle.status()).isEqualTo(422);
        assertThat(noTitle.body().get("field").asText()).isEqualTo("title");
        Answer empty = create(team.memberToken(), Map.of("title", "t", "source", "same-as-main"));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.body().get("error").asText()).contains("nothing to propose");

        assertThat(prCount()).isEqualTo(count);
        assertThat(refs()).as("no refs/pr left behind, no branch moved").isEqualTo(before);
    }

    @Test
    void mergingWithoutPermissionIsForbiddenAndNothingMoves() throws Exception {
        long n = open(port, repo, team.contributorToken(), "notes", Map.of("NOTES.md", "n\n"));
        review(port, repo, team.maintainerToken(), n, "approve", null);
        List<String> before = refs();

        Answer byAuthor = merge(port, repo, team.contributorToken(), n, "merge_commit");
        Answer byStranger = merge(port, repo, team.strangerToken(), n, "merge_commit");
        Answer anonymous = merge(port, repo, null, n, "merge_commit");
        Answer closeByStranger = call(port, "POST", api(repo) + "/" + n + "/close", team.strangerToken(), null);

        assertThat(byAuthor.status()).isEqualTo(403);
        assertThat(byAuthor.body().get("error").asText()).contains("needs maintain permission; you have read");
        assertThat(byStranger.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(closeByStranger.status()).isEqualTo(403);
        assertThat(refs()).isEqualTo(before);
        assertThat(details(port, repo, null, n).get("state").asText()).isEqualTo("open");
    }

    @Test
    void aMergeWithConflictsIs409WithTheFileListAndChangesNothing() throws Exception {
        protections.save(team.owner(), repo, new ProtectionRule("main", 0, false, false, false,
                RepoPermission.MAINTAIN, RepoPermission.MAINTAIN));
        long first = open(port, repo, team.contributorToken(), "a", Map.of("README.md", "# version A\n"));
        long second = open(port, repo, team.strangerToken(), "b", Map.of("README.md", "# version B\n"));
        assertThat(merge(port, repo, team.maintainerToken(), first, "squash").status()).isEqualTo(200);
        List<String> before = refs();

        Answer conflict = merge(port, repo, team.maintainerToken(), second, "merge_commit");

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.body().get("conflicts").get(0).asText()).isEqualTo("README.md");
        assertThat(conflict.body().get("error").asText()).contains("Conflicts with main in README.md");
        assertThat(refs()).isEqualTo(before);
        assertThat(details(port, repo, null, second).get("state").asText()).isEqualTo("open");
    }

    @Test
    void aMethodTheRepositoryDoesNotAllowOrAnUnknownOneIsRefused() {
        long n = open(port, repo, team.contributorToken(), "notes", Map.of("NOTES.md", "n\n"));
        protections.saveOptions(team.owner(), repo, new dev.adapthub.core.pull.protection.PullOptions(
                List.of(dev.adapthub.git.merge.MergeMethod.SQUASH), List.of()));
        assertThat(merge(port, repo, team.maintainerToken(), n, "merge_commit").status()).isEqualTo(422);
        assertThat(merge(port, repo, team.maintainerToken(), n, "octopus").status()).isEqualTo(422);
        assertThat(details(port, repo, null, n).get("state").asText()).isEqualTo("open");
    }

    @Test
    void hugeTitlesDescriptionsAndCommentsAreRefusedAndNothingIsStored() {
        int count = prCount();
        String huge = "x".repeat(70_000);
        Answer description = create(team.contributorToken(), Map.of("title", "t", "description", huge,
                "files", List.of(Map.of("path", "A.md", "content", "a"))));
        Answer title = create(team.contributorToken(), Map.of("title", "t".repeat(201),
                "files", List.of(Map.of("path", "A.md", "content", "a"))));
        Answer control = create(team.contributorToken(), Map.of("title", "bell\u0007",
                "files", List.of(Map.of("path", "A.md", "content", "a"))));
        assertThat(description.status()).isEqualTo(422);
        assertThat(description.body().get("error").asText()).contains("At most 65536 characters");
        assertThat(title.status()).isEqualTo(422);
        assertThat(control.status()).isEqualTo(422);
        assertThat(prCount()).isEqualTo(count);

        long n = open(port, repo, team.contributorToken(), "notes", Map.of("NOTES.md", "n\n"));
        int events = details(port, repo, null, n).get("events").size();
        Answer comment = call(port, "POST", api(repo) + "/" + n + "/comments", team.strangerToken(),
                Map.of("body", huge));
        Answer blank = call(port, "POST", api(repo) + "/" + n + "/comments", team.strangerToken(), Map.of("body", " "));
        assertThat(comment.status()).isEqualTo(422);
        assertThat(blank.status()).isEqualTo(422);
        assertThat(details(port, repo, null, n).get("events").size()).isEqualTo(events);
    }

    @Test
    void scriptInTitlesDescriptionsAndCommentsIsShownAsTextNeverRun() throws Exception {
        String title = "<script>alert('title')</script>";
        Answer opened = create(team.contributorToken(), Map.of("title", title,
                "description", "<img src=x onerror=alert(1)> **bold** <script>alert('d')</script>"
                        + " [x](javascript:alert(2))",
                "files", List.of(Map.of("path", "NOTES.md", "content", "n\n"))));
        long n = opened.body().get("number").asLong();
        call(port, "POST", api(repo) + "/" + n + "/comments", team.strangerToken(),
                Map.of("body", "<script>alert('c')</script><a href=\"javascript:alert(3)\">x</a>"));

        MvcResult page = mvc.perform(get("/" + repo.urlPath() + "/pulls/" + n)).andReturn();
        String html = page.getResponse().getContentAsString();
        MvcResult list = mvc.perform(get("/" + repo.urlPath() + "/pulls")).andReturn();

        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        assertThat(html).doesNotContain("<script>alert").doesNotContain("onerror").doesNotContain("javascript:")
                .contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;").contains("<strong>bold</strong>");
        assertThat(list.getResponse().getContentAsString()).doesNotContain("<script>alert")
                .contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;");
    }

    @Test
    void formsNeedCsrfAndTheirErrorsSayWhatToFix() throws Exception {
        long n = open(port, repo, team.contributorToken(), "notes", Map.of("NOTES.md", "n\n"));
        int events = details(port, repo, null, n).get("events").size();
        String base = "/" + repo.urlPath() + "/pulls/" + n;

        int noCsrf = mvc.perform(post(base + "/comment").param("body", "hi")
                .with(user(accounts.principal(team.stranger())))).andReturn().getResponse().getStatus();
        MvcResult selfApproval = mvc.perform(post(base + "/review").param("verdict", "APPROVE")
                .with(user(accounts.principal(team.contributor()))).with(csrf())).andReturn();
        MvcResult blocked = mvc.perform(post(base + "/merge").param("method", "MERGE_COMMIT")
                .with(user(accounts.principal(team.maintainer()))).with(csrf())).andReturn();
        MvcResult forbidden = mvc.perform(post(base + "/merge").param("method", "MERGE_COMMIT")
                .with(user(accounts.principal(team.member()))).with(csrf())).andReturn();

        assertThat(noCsrf).isEqualTo(403);
        assertThat(selfApproval.getResponse().getStatus()).isEqualTo(422);
        assertThat(selfApproval.getResponse().getContentAsString()).contains("ask someone else to review it");
        assertThat(blocked.getResponse().getStatus()).isEqualTo(409);
        assertThat(blocked.getResponse().getContentAsString()).contains("0 of 1 required approvals");
        assertThat(forbidden.getResponse().getStatus()).isEqualTo(403);
        assertThat(details(port, repo, null, n).get("events").size()).isEqualTo(events);
        assertThat(details(port, repo, null, n).get("state").asText()).isEqualTo("open");
    }
}
