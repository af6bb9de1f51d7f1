package dev.adapthub.web.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adapthub.core.account.Account;
import dev.adapthub.core.org.NewOrganization;
import dev.adapthub.core.org.Organization;
import dev.adapthub.core.org.OrganizationService;
import dev.adapthub.core.org.Role;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.core.token.TokenScope;
import dev.adapthub.git.GitException;
import dev.adapthub.git.refs.RefChange;
import dev.adapthub.git.refs.RefUpdater;
import dev.adapthub.git.store.RepositoryStore;
import dev.adapthub.git.write.Content;
import dev.adapthub.git.write.FileChange;
import dev.adapthub.web.support.TestAccounts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.springframework.stereotype.Component;

/**
 * A model repository of an organization with an owner (admin), a maintainer, a member (writer),
 * and two outsiders who can only read it (a contributor and a stranger), each with a write token;
 * seeded with the Llama 3.1 8B demo files, so proposed inference configs validate for real.
 */
@Component
class PullFixture {

    static final String DEMO = "demo/repos/meta-llama/Llama-3.1-8B-Instruct/";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One set-up: the repository and its people. */
    record Team(Repo repo, Account owner, Account maintainer, Account member, Account contributor, Account stranger,
            String ownerToken, String maintainerToken, String memberToken, String contributorToken,
            String strangerToken) {
    }

    private final TestAccounts accounts;
    private final OrganizationService organizations;
    private final RepoService repos;
    private final RepoWrites writes;
    private final RepositoryStore store;
    private final RefUpdater refs;

    PullFixture(TestAccounts accounts, OrganizationService organizations, RepoService repos, RepoWrites writes,
            RepositoryStore store, RefUpdater refs) {
        this.store = store;
        this.refs = refs;
        this.accounts = accounts;
        this.organizations = organizations;
        this.repos = repos;
        this.writes = writes;
    }

    Team team() {
        Account owner = accounts.create("own");
        Account maintainer = accounts.create("mnt");
        Account member = accounts.create("mem");
        Account contributor = accounts.create("con");
        Account stranger = accounts.create("str");
        Organization org = organizations.create(owner.id(), new NewOrganization("pr-" + UUID.randomUUID().toString()
                .substring(0, 8), null, null));
        organizations.setRole(org.id(), owner.id(), maintainer.name(), Role.MAINTAINER);
        organizations.setRole(org.id(), owner.id(), member.name(), Role.MEMBER);
        Repo repo = repos.create(owner, new NewRepo(RepoKind.MODEL, org.name(), "Llama-3.1-8B-Instruct", false));
        writes.commit(repo, owner, "main", ObjectId.zeroId(), "Seed", List.of(
                put("README.md", "# Llama 3.1 8B adaptations\n"),
                put("config.json", resource("config.json")),
                put("adaptations/ascend-910b3-vllm-ascend.yaml", resource("adaptations/ascend-910b3-vllm-ascend.yaml"))));
        return new Team(repo, owner, maintainer, member, contributor, stranger,
                accounts.token(owner, TokenScope.WRITE), accounts.token(maintainer, TokenScope.WRITE),
                accounts.token(member, TokenScope.WRITE), accounts.token(contributor, TokenScope.WRITE),
                accounts.token(stranger, TokenScope.WRITE));
    }

    /**
     * Commits one file on a branch (not the protected default branch), as the owner. A branch
     * that does not exist yet starts as a root commit: hub commits do not branch off.
     */
    void commitOnBranch(Team team, String branch, String path, String text) {
        writes.commit(team.repo(), team.owner(), branch, null, "Change " + path, List.of(put(path, text)));
    }

    /** Creates {@code branch} at main's tip, as {@code git branch} would. */
    void branchOffMain(Team team, String branch) {
        try {
            Repository git = store.open(repos.storageOf(team.repo()));
            refs.update(git, new PersonIdent("test", "test@example.org"), "branch",
                    RefChange.create("refs/heads/" + branch, git.exactRef("refs/heads/main").getObjectId()));
        } catch (GitException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static FileChange put(String path, String text) {
        return new FileChange.Put(path, Content.of(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A demo file's text, e.g. {@code proposals/nvidia-h100-sxm-vllm-fp8.yaml} (passes validation). */
    static String resource(String path) {
        try (InputStream in = PullFixture.class.getClassLoader().getResourceAsStream(DEMO + path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + DEMO + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON request to the hub's API; answers status and parsed body. */
    record Answer(int status, JsonNode body, String raw) {
    }

    static Answer call(int port, String method, String path, String token, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(60)).header("Accept", "application/json");
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode parsed = raw == null || raw.isBlank() ? null : JSON.readTree(raw);
            return new Answer(response.statusCode(), parsed, raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String api(Repo repo) {
        return "/api/" + repo.kind().apiName() + "s/" + repo.fullName() + "/pulls";
    }
}
