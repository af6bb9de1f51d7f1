package dev.adapthub.web.git;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.adapthub.core.token.TokenScope;
import dev.adapthub.web.support.GitCli;
import dev.adapthub.web.support.HubPage;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.TestAccounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The stock git client against the running hub: clone, push, authentication, branch protection. */
@HubWebTest
class GitHttpTest {

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired RepoService repos;
    @Autowired RepoFiles files;
    @Autowired OrganizationService organizations;

    GitCli git;
    Path work;

    @BeforeEach
    void setUp() throws Exception {
        git = new GitCli();
        work = Files.createTempDirectory("adapthub-git-work");
    }

    private String url(String repoPath) {
        return "http://localhost:" + port + "/" + repoPath + ".git";
    }

    private String url(String repoPath, Account account, String token) {
        return "http://" + account.name() + ":" + token + "@localhost:" + port + "/" + repoPath + ".git";
    }

    private Path commitReadme(Path clone, String text) throws Exception {
        Files.writeString(clone.resolve("README.md"), text);
        git.ok(clone, "add", "README.md");
        git.ok(clone, "commit", "-q", "-m", "Add README");
        return clone;
    }

    @Test
    void anOwnerClonesAnEmptyRepositoryPushesAndEveryoneClonesItWithOrWithoutDotGit() throws Exception {
        Account ada = accounts.create("ada");
        String token = accounts.token(ada, TokenScope.WRITE);
        Repo repo = repos.create(ada, new NewRepo(RepoKind.MODEL, null, "phi3-npu", false));

        git.ok(work, "clone", "-q", url(repo.urlPath(), ada, token), "mine");
        Path mine = commitReadme(work.resolve("mine"), "# phi-3 on NPUs\n");
        git.ok(mine, "push", "-q", "origin", "main");

        assertThat(files.isEmpty(repo)).isFalse();
        git.ok(work, "clone", "-q", url(repo.urlPath()), "anon");
        assertThat(Files.readString(work.resolve("anon/README.md"))).isEqualTo("# phi-3 on NPUs\n");
        git.ok(work, "clone", "-q", url(repo.urlPath()).replace(".git", ""), "anon-no-suffix");
        assertThat(work.resolve("anon-no-suffix/README.md")).exists();
        assertThat(HubPage.get(port, "/" + repo.urlPath()).body()).contains("phi-3 on NPUs");
    }

    @Test
    void pushingNeedsAWriteTokenAndAPrivateRepositoryNeedsAReader() throws Exception {
        Account ada = accounts.create("ada");
        Account eve = accounts.create("eve");
        String adaWrite = accounts.token(ada, TokenScope.WRITE);
        String adaRead = accounts.token(ada, TokenScope.READ);
        String eveToken = accounts.token(eve, TokenScope.WRITE);
        Repo open = repos.create(ada, new NewRepo(RepoKind.DATASET, null, "prompts", false));
        Repo secret = repos.create(ada, new NewRepo(RepoKind.MODEL, null, "secret-" + UUID.randomUUID().toString()
                .substring(0, 4), true));

        git.ok(work, "clone", "-q", url(open.urlPath()), "open");
        Path clone = commitReadme(work.resolve("open"), "prompts\n");
        GitCli.Result anonymous = git.run(clone, "push", "origin", "main");
        assertThat(anonymous.ok()).isFalse();
        // git asks for credentials only after a 401 challenge; with prompts disabled it says so.
        assertThat(anonymous.stderr()).contains("could not read Username");

        GitCli.Result readOnly = git.run(clone, "push", url(open.urlPath(), ada, adaRead), "main");
        assertThat(readOnly.ok()).isFalse();
        assertThat(readOnly.stderr()).contains("403");

        GitCli.Result stranger = git.run(clone, "push", url(open.urlPath(), eve, eveToken), "main");
        assertThat(stranger.ok()).isFalse();
        assertThat(stranger.stderr()).contains("not push to it");
        assertThat(files.isEmpty(open)).isTrue();

        assertThat(git.run(work, "clone", url(secret.urlPath()), "s1").stderr()).contains("could not read Username");
        assertThat(git.run(work, "clone", url(secret.urlPath(), eve, eveToken), "s2").stderr()).contains("not found");
        git.ok(work, "clone", "-q", url(secret.urlPath(), ada, adaWrite), "s3");
    }

    @Test
    void theDefaultBranchIsProtectedFromMembersWithAClearMessageOtherBranchesAreNot() throws Exception {
        Account owner = accounts.create("own");
        Account member = accounts.create("mem");
        Organization org = organizations.create(owner.id(), new NewOrganization("team-" + UUID.randomUUID()
                .toString().substring(0, 6), null, null));
        organizations.setRole(org.id(), owner.id(), member.name(), Role.MEMBER);
        Repo repo = repos.create(owner, new NewRepo(RepoKind.MODEL, org.name(), "mixtral-ascend", false));
        String ownerToken = accounts.token(owner, TokenScope.WRITE);
        String memberToken = accounts.token(member, TokenScope.WRITE);
        git.ok(work, "clone", "-q", url(repo.urlPath(), owner, ownerToken), "owner");
        git.ok(commitReadme(work.resolve("owner"), "v1\n"), "push", "-q", "origin", "main");

        git.ok(work, "clone", "-q", url(repo.urlPath(), member, memberToken), "member");
        Path clone = commitReadme(work.resolve("member"), "v2 by a member\n");
        GitCli.Result toMain = git.run(clone, "push", "origin", "main");
        GitCli.Result toBranch = git.run(clone, "push", "origin", "main:refs/heads/ascend-tuning");

        assertThat(toMain.ok()).isFalse();
        assertThat(toMain.stderr()).contains("refs/heads/main is protected").contains("pull request");
        assertThat(toBranch.ok()).as(toBranch.output()).isTrue();
        assertThat(files.branches(repo)).extracting(b -> b.name()).contains("ascend-tuning");
    }

    @Test
    void gitLfsPushesAndClonesA50MegabyteFileByteForByte() throws Exception {
        GitCli.requireOnPath("git-lfs");
        Account ada = accounts.create("lfs");
        String token = accounts.token(ada, TokenScope.WRITE);
        Repo repo = repos.create(ada, new NewRepo(RepoKind.MODEL, null, "weights", false));
        git.ok(work, "lfs", "install", "--skip-repo");
        git.ok(work, "clone", "-q", url(repo.urlPath(), ada, token), "up");
        Path up = work.resolve("up");
        byte[] weights = new byte[50 * 1024 * 1024];
        new java.util.Random(7).nextBytes(weights);
        Files.write(up.resolve("model.safetensors"), weights);
        git.ok(up, "lfs", "track", "*.safetensors");
        git.ok(up, "add", ".gitattributes", "model.safetensors");
        git.ok(up, "commit", "-q", "-m", "Add weights");
        git.ok(up, "push", "-q", "origin", "main");

        git.ok(work, "clone", "-q", url(repo.urlPath()), "down");

        byte[] cloned = Files.readAllBytes(work.resolve("down/model.safetensors"));
        assertThat(cloned.length).isEqualTo(weights.length);
        assertThat(java.util.Arrays.equals(cloned, weights)).isTrue();
        assertThat(repos.findByStorage(repos.storageOf(repo)).orElseThrow().summary().totalBytes())
                .as("the index counts the LFS object's size, not the pointer's").isGreaterThanOrEqualTo(weights.length);
    }

    @Test
    void anonymousLfsUploadsAreRefusedAndNothingIsStored() throws Exception {
        Account ada = accounts.create("lfs");
        Repo repo = repos.create(ada, new NewRepo(RepoKind.MODEL, null, "no-anon-upload", false));
        String body = "{\"operation\":\"upload\",\"transfers\":[\"basic\"],\"objects\":[{\"oid\":\""
                + "a".repeat(64) + "\",\"size\":3}]}";
        var client = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(repo.urlPath())
                        + "/info/lfs/objects/batch"))
                .header("Content-Type", "application/vnd.git-lfs+json")
                .header("Accept", "application/vnd.git-lfs+json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();

        var response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
        String malformed = "{\"operation\":\"download\",\"objects\":[{\"oid\":\"not-hex\",\"size\":-1}]}";
        var bad = client.send(java.net.http.HttpRequest.newBuilder(request.uri())
                .header("Content-Type", "application/vnd.git-lfs+json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(malformed)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        // The batch API reports a bad object in the object's own "error" (LFS spec), not by failing the batch.
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("\"error\"").contains("422").contains("message");
    }
}
