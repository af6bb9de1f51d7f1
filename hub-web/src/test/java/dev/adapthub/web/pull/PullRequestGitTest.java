package dev.adapthub.web.pull;

import static dev.adapthub.web.pull.PullFixture.api;
import static dev.adapthub.web.pull.PullFixture.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.pull.NewPullRequest;
import dev.adapthub.core.pull.PullRequest;
import dev.adapthub.core.pull.PullRequestService;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.git.lfs.LfsOid;
import dev.adapthub.git.lfs.LfsStores;
import dev.adapthub.web.pull.PullFixture.Answer;
import dev.adapthub.web.pull.PullFixture.Team;
import dev.adapthub.web.support.GitCli;
import dev.adapthub.web.support.HubWebTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Forkless pull requests with the stock git client: a reader opens a PR and pushes to its
 * {@code refs/pr/{n}}; a stranger cannot, nobody creates {@code refs/pr/*} by pushing; the
 * protected default branch refuses a member's direct push with a clear message.
 */
@HubWebTest
class PullRequestGitTest {

    @LocalServerPort int port;
    @Autowired PullFixture fixture;
    @Autowired PullRequestService pulls;
    @Autowired LfsStores lfs;
    @Autowired RepoService repos;

    GitCli git;
    Path work;
    Team team;

    @BeforeEach
    void setUp() throws Exception {
        git = new GitCli();
        work = Files.createTempDirectory("adapthub-pr-git");
        team = fixture.team();
    }

    private String url(Account account, String token) {
        return PullTestSupport.gitUrl(port, team.repo(), account, token);
    }

    private Answer openForContributor(String path, String content) {
        Answer opened = call(port, "POST", api(team.repo()), team.contributorToken(), Map.of(
                "title", "Add an H100 config", "description", "fp8 on **one** H100",
                "files", List.of(Map.of("path", path, "content", content))));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        return opened;
    }

    private String remoteRef(String ref) throws Exception {
        return PullTestSupport.remoteRef(git, work, port, team, ref);
    }

    @Test
    void aReaderOpensAPullRequestAndPushesToItsRefWithStockGit() throws Exception {
        Answer opened = openForContributor("adaptations/nvidia-h100-sxm-vllm.yaml",
                PullFixture.resource("proposals/nvidia-h100-sxm-vllm-fp8.yaml"));
        long number = opened.body().get("number").asLong();
        String prRef = "refs/pr/" + number;
        assertThat(opened.body().get("source").asText()).isEqualTo(prRef);
        assertThat(remoteRef(prRef)).isEqualTo(opened.body().get("head").asText());

        git.ok(work, "clone", "-q", url(team.contributor(), team.contributorToken()), "c");
        Path clone = work.resolve("c");
        git.ok(clone, "fetch", "-q", "origin", prRef);
        git.ok(clone, "checkout", "-q", "FETCH_HEAD");
        Files.writeString(clone.resolve("NOTES.md"), "Measured on one H100 SXM.\n");
        git.ok(clone, "add", "NOTES.md");
        git.ok(clone, "commit", "-q", "-m", "Add notes");
        GitCli.Result pushed = git.run(clone, "push", "origin", "HEAD:" + prRef);

        assertThat(pushed.ok()).as(pushed.output()).isTrue();
        String newHead = git.ok(clone, "rev-parse", "HEAD").stdout().strip();
        assertThat(remoteRef(prRef)).isEqualTo(newHead);
        Answer details = call(port, "GET", api(team.repo()) + "/" + number, null, null);
        assertThat(details.body().get("head").asText()).isEqualTo(newHead);
        assertThat(details.body().get("events").findValuesAsText("kind")).contains("opened", "pushed");
    }

    @Test
    void aReaderPushesLargeFilesWithGitLfsToTheirPullRequestButAStrangerCannotUploadForIt() throws Exception {
        GitCli.requireOnPath("git-lfs");
        Answer opened = openForContributor("NOTES.md", "first\n");
        String prRef = "refs/pr/" + opened.body().get("number").asLong();
        git.ok(work, "lfs", "install", "--skip-repo");
        git.ok(work, "clone", "-q", url(team.contributor(), team.contributorToken()), "c");
        Path clone = work.resolve("c");
        git.ok(clone, "fetch", "-q", "origin", prRef);
        git.ok(clone, "checkout", "-q", "FETCH_HEAD");
        byte[] weights = new byte[3 * 1024 * 1024];
        new java.util.Random(11).nextBytes(weights);
        Files.write(clone.resolve("model-int8.safetensors"), weights);
        git.ok(clone, "lfs", "track", "*.safetensors");
        git.ok(clone, "add", ".gitattributes", "model-int8.safetensors");
        git.ok(clone, "commit", "-q", "-m", "Add int8 weights");

        GitCli.Result pushed = git.run(clone, "push", "origin", "HEAD:" + prRef);

        assertThat(pushed.ok()).as(pushed.output()).isTrue();
        LfsOid oid = LfsOid.parse(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(weights)));
        assertThat(lfs.forRepository(repos.storageOf(team.repo())).size(oid)).hasValue(weights.length);

        String batch = "{\"operation\":\"upload\",\"transfers\":[\"basic\"],\"ref\":{\"name\":\"" + prRef
                + "\"},\"objects\":[{\"oid\":\"" + "b".repeat(64) + "\",\"size\":3}]}";
        var stranger = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/" + team.repo().urlPath()
                                + ".git/info/lfs/objects/batch"))
                .header("Authorization", "Bearer " + team.strangerToken())
                .header("Content-Type", "application/vnd.git-lfs+json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(batch)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(stranger.statusCode()).as(stranger.body()).isEqualTo(403);
        assertThat(stranger.body()).contains("not write to it");
    }

    @Test
    void aStrangerCannotPushToSomeoneElsesPullRequestRefButAWriterCan() throws Exception {
        Answer opened = openForContributor("NOTES.md", "first\n");
        String prRef = "refs/pr/" + opened.body().get("number").asLong();
        String before = remoteRef(prRef);

        git.ok(work, "clone", "-q", url(team.stranger(), team.strangerToken()), "s");
        Path clone = work.resolve("s");
        git.ok(clone, "fetch", "-q", "origin", prRef);
        git.ok(clone, "checkout", "-q", "FETCH_HEAD");
        Files.writeString(clone.resolve("NOTES.md"), "hijacked\n");
        git.ok(clone, "commit", "-q", "-am", "Hijack");
        GitCli.Result stranger = git.run(clone, "push", "origin", "HEAD:" + prRef);
        GitCli.Result forced = git.run(clone, "push", "--force", "origin", "HEAD:" + prRef);

        assertThat(stranger.ok()).isFalse();
        assertThat(stranger.stderr()).contains("only its author and the repository's writers may push to it");
        assertThat(forced.ok()).isFalse();
        assertThat(remoteRef(prRef)).isEqualTo(before);

        GitCli.Result writer = git.run(clone, "push", url(team.member(), team.memberToken()), "HEAD:" + prRef);
        assertThat(writer.ok()).as(writer.output()).isTrue();
        assertThat(remoteRef(prRef)).isNotEqualTo(before);
    }

    @Test
    void nobodyCreatesOrDeletesPullRequestRefsByPushing() throws Exception {
        Answer opened = openForContributor("NOTES.md", "first\n");
        String prRef = "refs/pr/" + opened.body().get("number").asLong();
        git.ok(work, "clone", "-q", url(team.owner(), team.ownerToken()), "o");
        Path clone = work.resolve("o");

        GitCli.Result create = git.run(clone, "push", "origin", "HEAD:refs/pr/999");
        GitCli.Result delete = git.run(clone, "push", "origin", ":" + prRef);

        assertThat(create.ok()).isFalse();
        assertThat(create.stderr()).contains("the hub creates refs/pr/{n} when a pull request opens");
        assertThat(delete.ok()).isFalse();
        assertThat(delete.stderr()).contains("cannot be deleted");
        assertThat(remoteRef("refs/pr/999")).isEmpty();
        assertThat(remoteRef(prRef)).isNotEmpty();
    }

    @Test
    void aPullRequestOpenedForPushStartsAsAnEmptyDraftAndTakesTheReadersCommits() throws Exception {
        PullRequest pr = pulls.openForPush(team.contributor(), team.repo(), NewPullRequest.of("Via create_pr", null));
        String prRef = pr.sourceRef();
        assertThat(pr.isDraft()).isTrue();
        assertThat(remoteRef(prRef)).isEqualTo(remoteRef("refs/heads/main"));
        Answer empty = call(port, "GET", api(team.repo()) + "/" + pr.number(), team.maintainerToken(), null);
        assertThat(PullTestSupport.unmet(empty.body())).contains("draft", "mergeable");
        assertThat(PullTestSupport.condition(empty.body(), "mergeable").get("reason").asText())
                .contains("nothing to merge");

        git.ok(work, "clone", "-q", url(team.contributor(), team.contributorToken()), "h");
        Path clone = work.resolve("h");
        Files.writeString(clone.resolve("NOTES.md"), "pushed after create_pr\n");
        git.ok(clone, "add", "NOTES.md");
        git.ok(clone, "commit", "-q", "-m", "Notes");
        git.ok(clone, "push", "-q", "origin", "HEAD:" + prRef);
        pulls.markReady(team.contributor(), team.repo(), pr.number());

        Answer ready = call(port, "GET", api(team.repo()) + "/" + pr.number(), team.maintainerToken(), null);
        assertThat(ready.body().get("draft").asBoolean()).isFalse();
        assertThat(PullTestSupport.unmet(ready.body())).containsExactly("approvals");

        // The same over HTTP commits (the Hugging Face commit API): the author may, a stranger may not.
        PullRequest committed = pulls.commitToPullRequest(team.contributor(), team.repo(), pr.number(), null,
                "Config over HTTP", List.of(PullFixture.put("adaptations/nvidia-h100-sxm-vllm.yaml",
                        PullTestSupport.PASSING)));
        assertThat(committed.headCommit()).isEqualTo(remoteRef(prRef));
        assertThat(PullTestSupport.awaitChecks(port, team.repo(), pr.number())).isEqualTo("success");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> pulls.commitToPullRequest(team.stranger(),
                team.repo(), pr.number(), null, "Hijack", List.of(PullFixture.put("NOTES.md", "x\n"))))
                .isInstanceOf(dev.adapthub.core.common.ForbiddenException.class)
                .hasMessageContaining("only its author and the repository's writers");
        assertThat(remoteRef(prRef)).isEqualTo(committed.headCommit());
    }

    @Test
    void aDirectPushToTheProtectedBranchIsRefusedWithAClearMessage() throws Exception {
        Repo repo = team.repo();
        git.ok(work, "clone", "-q", url(team.member(), team.memberToken()), "m");
        Path clone = work.resolve("m");
        String before = remoteRef("refs/heads/main");
        Files.writeString(clone.resolve("README.md"), "# changed directly\n");
        git.ok(clone, "commit", "-q", "-am", "Direct change");

        GitCli.Result direct = git.run(clone, "push", "origin", "main");
        GitCli.Result branch = git.run(clone, "push", "origin", "main:refs/heads/direct-change");

        assertThat(direct.ok()).isFalse();
        assertThat(direct.stderr()).contains("refs/heads/main is protected: only maintainers push to it directly")
                .contains("open a pull request");
        assertThat(remoteRef("refs/heads/main")).isEqualTo(before);
        assertThat(branch.ok()).as(branch.output()).isTrue();
        Answer pr = call(port, "POST", api(repo), team.memberToken(), Map.of("title", "Direct change",
                "source", "direct-change"));
        assertThat(pr.status()).as(pr.raw()).isEqualTo(201);
        assertThat(pr.body().get("source").asText()).isEqualTo("refs/heads/direct-change");
        assertThat(dev.adapthub.web.support.HubPage.get(port, "/" + repo.urlPath() + "/branches").body())
                .contains("/pulls/new?source=direct-change");
    }
}
