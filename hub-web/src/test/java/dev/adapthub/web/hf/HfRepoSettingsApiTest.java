package dev.adapthub.web.hf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.org.NewOrganization;
import dev.adapthub.core.org.Organization;
import dev.adapthub.core.org.OrganizationService;
import dev.adapthub.core.org.Role;
import dev.adapthub.core.pull.PullRequestService;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoGate;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.core.token.TokenScope;
import dev.adapthub.git.write.FileChange;
import dev.adapthub.web.support.GitCli;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.TestAccounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The repository endpoints the JavaScript client has no function for ({@code update_repo_settings},
 * {@code move_repo} of the Python client), the errors the clients branch on (401/404 RepoNotFound,
 * GatedRepo), discussionsDisabled, and the initial commit for an organization member. Every refusal
 * carries {@code X-Error-Message} and leaves the repository as it was.
 */
@HubWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HfRepoSettingsApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired RepoService repos;
    @Autowired RepoWrites writes;
    @Autowired RepoFiles files;
    @Autowired OrganizationService organizations;
    @Autowired PullRequestService pulls;

    Account owner;
    String ownerToken;
    Account stranger;
    String strangerToken;

    @BeforeAll
    void accounts() {
        owner = accounts.create("settings");
        ownerToken = accounts.token(owner, TokenScope.WRITE);
        stranger = accounts.create("stranger");
        strangerToken = accounts.token(stranger, TokenScope.WRITE);
    }

    private Repo model(String name) {
        Repo repo = repos.create(owner, new NewRepo(RepoKind.MODEL, null, name, false));
        writes.commit(repo, owner, "main", null, "Weights", List.of(FileChange.put("config.json", "{}\n")));
        return repo;
    }

    private Repo reload(Repo repo) {
        return repos.findById(repo.id()).orElseThrow();
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, String token) throws Exception {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private MockHttpServletResponse json(MockHttpServletRequestBuilder request, String token, String body)
            throws Exception {
        return call(request.contentType(MediaType.APPLICATION_JSON).content(body), token);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(MockHttpServletResponse response) throws Exception {
        return JSON.readValue(response.getContentAsString(), Map.class);
    }

    @Test
    void settingsChangeVisibilityGatingAndDiscussionsAndShowInRepoInfo() throws Exception {
        Repo repo = model("to-configure");
        String api = "/api/models/" + repo.fullName();

        MockHttpServletResponse changed = json(put(api + "/settings"), ownerToken,
                "{\"private\": true, \"gated\": \"manual\", \"discussionsDisabled\": true, \"xetEnabled\": false}");

        assertThat(changed.getStatus()).as(changed.getContentAsString()).isEqualTo(200);
        assertThat(object(changed)).containsEntry("private", true).containsEntry("gated", "manual")
                .containsEntry("discussionsDisabled", true);
        Map<String, Object> info = object(call(get(api), ownerToken));
        assertThat(info).containsEntry("private", true).containsEntry("gated", "manual")
                .containsEntry("discussionsDisabled", true);
        // Private now: the anonymous caller is told to sign in, the stranger that it does not exist.
        MockHttpServletResponse anonymous = call(get(api), null);
        MockHttpServletResponse strange = call(get(api), strangerToken);
        assertThat(anonymous.getStatus()).isEqualTo(401);
        assertThat(anonymous.getHeader("X-Error-Code")).isEqualTo("RepoNotFound");
        assertThat(strange.getStatus()).isEqualTo(404);
        assertThat(strange.getHeader("X-Error-Code")).isEqualTo("RepoNotFound");
        assertThat(strange.getHeader("X-Error-Message")).contains(repo.fullName());

        MockHttpServletResponse reopened = json(put(api + "/settings"), ownerToken,
                "{\"private\": false, \"gated\": false}");
        assertThat(object(reopened)).containsEntry("private", false).containsEntry("gated", false)
                .containsEntry("discussionsDisabled", true);
        assertThat(call(get(api), null).getStatus()).isEqualTo(200);
    }

    @Test
    void badOrUnauthorizedSettingsChangeNothing() throws Exception {
        Repo repo = model("kept-as-is");
        String settings = "/api/models/" + repo.fullName() + "/settings";

        MockHttpServletResponse badGate = json(put(settings), ownerToken, "{\"gated\": \"sometimes\"}");
        MockHttpServletResponse badType = json(put(settings), ownerToken, "{\"private\": \"yes\", \"gated\": \"auto\"}");
        MockHttpServletResponse nothing = json(put(settings), ownerToken, "{\"xetEnabled\": true}");
        MockHttpServletResponse notAdmin = json(put(settings), strangerToken, "{\"private\": true}");
        MockHttpServletResponse anonymous = json(put(settings), null, "{\"private\": true}");
        MockHttpServletResponse readToken = json(put(settings), accounts.token(owner, TokenScope.READ),
                "{\"private\": true}");

        assertThat(badGate.getStatus()).isEqualTo(400);
        assertThat(badGate.getHeader("X-Error-Message")).contains("gated is \"auto\", \"manual\" or false");
        assertThat(badType.getStatus()).isEqualTo(400);
        assertThat(badType.getHeader("X-Error-Message")).contains("private is true or false");
        assertThat(nothing.getStatus()).isEqualTo(400);
        assertThat(nothing.getHeader("X-Error-Message")).contains("at least one setting");
        assertThat(notAdmin.getStatus()).isEqualTo(403);
        assertThat(notAdmin.getHeader("X-Error-Message")).contains("admin permission");
        assertThat(anonymous.getStatus()).isEqualTo(401);
        assertThat(readToken.getStatus()).isEqualTo(403);
        Repo after = reload(repo);
        assertThat(after.isPrivate()).isFalse();
        assertThat(after.gated()).isEqualTo(RepoGate.NONE);
        assertThat(after.discussionsDisabled()).isFalse();
    }

    @Test
    void aGatedRepositoryAsksForSignInOrMembershipBeforeADownload() throws Exception {
        Repo repo = model("gated-weights");
        String file = "/" + repo.fullName() + "/resolve/main/config.json";
        json(put("/api/models/" + repo.fullName() + "/settings"), ownerToken, "{\"gated\": \"auto\"}");

        MockHttpServletResponse anonymous = call(get(file), null);
        MockHttpServletResponse headed = call(head(file), null);
        MockHttpServletResponse signedIn = call(get(file), strangerToken);
        MockHttpServletResponse info = call(get("/api/models/" + repo.fullName()), null);

        assertThat(anonymous.getStatus()).isEqualTo(401);
        assertThat(anonymous.getHeader("X-Error-Code")).isEqualTo("GatedRepo");
        assertThat(anonymous.getHeader("X-Error-Message")).contains("restricted");
        assertThat(headed.getHeader("X-Error-Code")).isEqualTo("GatedRepo");
        assertThat(signedIn.getStatus()).isEqualTo(200);
        assertThat(info.getStatus()).as("info stays public").isEqualTo(200);
        assertThat(object(info)).containsEntry("gated", "auto");

        json(put("/api/models/" + repo.fullName() + "/settings"), ownerToken, "{\"gated\": \"manual\"}");
        MockHttpServletResponse refused = call(get(file), strangerToken);
        MockHttpServletResponse member = call(get(file), ownerToken);
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getHeader("X-Error-Code")).isEqualTo("GatedRepo");
        assertThat(refused.getHeader("X-Error-Message")).contains("not in the authorized list");
        assertThat(member.getStatus()).isEqualTo(200);
        assertThat(member.getContentAsString()).isEqualTo("{}\n");
    }

    @Test
    void aManuallyGatedRepositoryClonesOnlyForItsMembers() throws Exception {
        Repo repo = model("gated-clone");
        json(put("/api/models/" + repo.fullName() + "/settings"), ownerToken, "{\"gated\": \"manual\"}");
        GitCli git = new GitCli();
        Path work = Files.createTempDirectory("gated");
        String url = "http://%s@localhost:" + port + "/" + repo.fullName() + ".git";

        GitCli.Result asStranger = git.run(work, "clone", "-q", url.formatted(stranger.name() + ":" + strangerToken),
                "stranger");
        git.ok(work, "clone", "-q", url.formatted(owner.name() + ":" + ownerToken), "member");

        assertThat(asStranger.ok()).isFalse();
        assertThat(asStranger.output()).contains("403");
        assertThat(work.resolve("member/config.json")).hasContent("{}");
    }

    @Test
    void disabledDiscussionsRefuseNewPullRequestsAndCreatePr() throws Exception {
        Repo repo = model("quiet");
        String api = "/api/models/" + repo.fullName();
        json(put(api + "/settings"), ownerToken, "{\"discussionsDisabled\": true}");
        String ndjson = "{\"key\":\"header\",\"value\":{\"summary\":\"Propose\"}}\n"
                + "{\"key\":\"file\",\"value\":{\"path\":\"x.txt\",\"content\":\""
                + Base64.getEncoder().encodeToString("x\n".getBytes()) + "\",\"encoding\":\"base64\"}}\n";

        MockHttpServletResponse discussion = json(post(api + "/discussions"), strangerToken,
                "{\"title\": \"Add NPU config\", \"description\": \"\", \"pullRequest\": true}");
        MockHttpServletResponse createPr = call(post(api + "/commit/main?create_pr=1")
                .contentType("application/x-ndjson").content(ndjson), strangerToken);

        assertThat(discussion.getStatus()).isEqualTo(403);
        assertThat(discussion.getHeader("X-Error-Message")).contains("Discussions are disabled for this repo");
        assertThat(createPr.getStatus()).isEqualTo(403);
        assertThat(createPr.getHeader("X-Error-Message")).contains("Discussions are disabled for this repo");
        assertThat(pulls.list(repo, null, null, null)).isEmpty();
    }

    @Test
    void moveRenamesOrTransfersAndTheOldAddressRedirects() throws Exception {
        Repo repo = model("old-name");
        Organization org = organizations.create(owner.id(), new NewOrganization("movers-"
                + owner.name().substring(owner.name().length() - 6), "Movers", null));

        MockHttpServletResponse renamed = json(post("/api/repos/move"), ownerToken, "{\"fromRepo\": \""
                + repo.fullName() + "\", \"toRepo\": \"" + owner.name() + "/new-name\", \"type\": \"model\"}");
        MockHttpServletResponse transferred = json(post("/api/repos/move"), ownerToken, "{\"fromRepo\": \""
                + owner.name() + "/new-name\", \"toRepo\": \"" + org.name() + "/kit\", \"type\": \"model\"}");

        assertThat(renamed.getStatus()).as(renamed.getContentAsString()).isEqualTo(200);
        assertThat(transferred.getStatus()).as(transferred.getContentAsString()).isEqualTo(200);
        assertThat(object(transferred)).containsEntry("id", org.name() + "/kit");
        assertThat(reload(repo).fullName()).isEqualTo(org.name() + "/kit");
        assertThat(call(get("/api/models/" + org.name() + "/kit"), null).getStatus()).isEqualTo(200);
        MockHttpServletResponse oldPage = call(get("/" + owner.name() + "/old-name"), null);
        assertThat(oldPage.getStatus()).isEqualTo(302);
        assertThat(oldPage.getRedirectedUrl()).endsWith("/" + org.name() + "/kit");
    }

    @Test
    void refusedMovesLeaveTheRepositoryWhereItWas() throws Exception {
        Repo repo = model("stays");
        model("taken");

        MockHttpServletResponse taken = json(post("/api/repos/move"), ownerToken, "{\"fromRepo\": \""
                + repo.fullName() + "\", \"toRepo\": \"" + owner.name() + "/taken\", \"type\": \"model\"}");
        MockHttpServletResponse malformed = json(post("/api/repos/move"), ownerToken, "{\"fromRepo\": \""
                + repo.fullName() + "\", \"toRepo\": \"no-namespace\"}");
        MockHttpServletResponse foreignTarget = json(post("/api/repos/move"), ownerToken, "{\"fromRepo\": \""
                + repo.fullName() + "\", \"toRepo\": \"" + stranger.name() + "/mine-now\"}");
        MockHttpServletResponse notAdmin = json(post("/api/repos/move"), strangerToken, "{\"fromRepo\": \""
                + repo.fullName() + "\", \"toRepo\": \"" + stranger.name() + "/mine-now\"}");
        MockHttpServletResponse missing = json(post("/api/repos/move"), strangerToken, "{\"fromRepo\": \""
                + owner.name() + "/no-such\", \"toRepo\": \"" + stranger.name() + "/x\"}");

        assertThat(taken.getStatus()).isEqualTo(409);
        assertThat(taken.getHeader("X-Error-Message")).contains("exists already");
        assertThat(malformed.getStatus()).isEqualTo(400);
        assertThat(malformed.getHeader("X-Error-Message")).contains("\"toRepo\": \"owner/name\"");
        assertThat(foreignTarget.getStatus()).isEqualTo(403);
        assertThat(notAdmin.getStatus()).isEqualTo(403);
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(missing.getHeader("X-Error-Code")).isEqualTo("RepoNotFound");
        assertThat(reload(repo).fullName()).isEqualTo(owner.name() + "/stays");
    }

    @Test
    void deleteNeedsAdminRightsAndNamesWhatIsMissing() throws Exception {
        Repo repo = model("delete-me");

        MockHttpServletResponse notAdmin = json(delete("/api/repos/delete"), strangerToken, "{\"name\": \"delete-me\","
                + " \"organization\": \"" + owner.name() + "\", \"type\": \"model\"}");
        MockHttpServletResponse noName = json(delete("/api/repos/delete"), ownerToken, "{\"type\": \"model\"}");
        assertThat(notAdmin.getStatus()).isEqualTo(403);
        assertThat(noName.getStatus()).isEqualTo(400);
        assertThat(repos.findById(repo.id())).isPresent();

        // The Python client sends organization null for a name without a namespace: the caller's own.
        MockHttpServletResponse deleted = json(delete("/api/repos/delete"), ownerToken,
                "{\"name\": \"delete-me\", \"organization\": null, \"type\": \"model\"}");
        MockHttpServletResponse again = json(delete("/api/repos/delete"), ownerToken,
                "{\"name\": \"delete-me\", \"type\": \"model\"}");
        assertThat(deleted.getStatus()).isEqualTo(200);
        assertThat(repos.findById(repo.id())).isEmpty();
        assertThat(again.getStatus()).isEqualTo(404);
        assertThat(again.getHeader("X-Error-Code")).isEqualTo("RepoNotFound");
    }

    @Test
    void aMemberWhoMayNotPushToMainStillGetsTheInitialCommitAndABadLicenseCreatesNothing() throws Exception {
        Account member = accounts.create("member");
        Organization org = organizations.create(owner.id(), new NewOrganization("init-"
                + owner.name().substring(owner.name().length() - 6), "Init", null));
        organizations.setRole(org.id(), owner.id(), member.name(), Role.MEMBER);
        String memberToken = accounts.token(member, TokenScope.WRITE);

        MockHttpServletResponse created = json(post("/api/repos/create"), memberToken, "{\"name\": \"started\","
                + " \"organization\": \"" + org.name() + "\", \"type\": \"dataset\", \"license\": \"mit\"}");
        MockHttpServletResponse badLicense = json(post("/api/repos/create"), memberToken, "{\"name\": \"never\","
                + " \"organization\": \"" + org.name() + "\", \"type\": \"dataset\", \"license\": \"MIT; rm -rf\"}");

        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(200);
        Repo repo = repos.get(RepoKind.DATASET, org.name(), "started", member);
        var main = files.resolve(repo, "main").orElseThrow();
        assertThat(files.readText(repo, main, ".gitattributes", 10_000)).hasValueSatisfying(text ->
                assertThat(text).contains("*.parquet filter=lfs"));
        assertThat(files.readText(repo, main, "README.md", 1_000)).hasValue("---\nlicense: mit\n---\n");
        assertThat(reload(repo).summary().license()).isEqualTo("mit");
        assertThat(badLicense.getStatus()).isEqualTo(422);
        assertThat(badLicense.getHeader("X-Error-Message")).contains("is not a license id");
        assertThat(repos.find(RepoKind.DATASET, org.name(), "never", member)).isEmpty();
    }
}
