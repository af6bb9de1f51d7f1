package dev.adapthub.web.hf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.adapthub.core.pull.PullRequestService;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.core.token.TokenScope;
import dev.adapthub.git.lfs.LfsStores;
import dev.adapthub.git.store.RepoId;
import dev.adapthub.git.store.RepositoryStore;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.TestAccounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The paths an attacker tried (issue 12): names some file system reads as {@code .git}, and a
 * file that a folder of the same change would replace. Every write endpoint answers 422 naming the
 * path, and nothing is created or moved: no commit, no pull request or {@code refs/pr/*} ref, no
 * repository row or directory.
 */
@HubWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnsafePathsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired RepoService repos;
    @Autowired RepoWrites writes;
    @Autowired RepoFiles files;
    @Autowired LfsStores lfs;
    @Autowired PullRequestService pulls;
    @Autowired RepositoryStore store;

    HfFixture f;
    String token;

    @BeforeAll
    void createRepository() throws Exception {
        f = new HfFixture(accounts.create("unsafe"), "unsafe-paths", repos, writes, files, lfs);
        token = accounts.token(f.owner, TokenScope.WRITE);
    }

    private static String line(String key, Map<String, Object> value) {
        return JSON.writeValueAsString(Map.of("key", key, "value", value)) + "\n";
    }

    private MockHttpServletResponse commit(String query, String... paths) throws Exception {
        StringBuilder body = new StringBuilder(line("header", Map.of("summary", "sneak")));
        for (String path : paths) {
            body.append(line("file", Map.of("path", path, "content", "[core]\n\thooksPath = /tmp\n")));
        }
        return mvc.perform(post(f.api() + "/commit/main" + query).header("Authorization", "Bearer " + token)
                .contentType("application/x-ndjson").content(body.toString())).andReturn().getResponse();
    }

    private MockHttpServletResponse postJson(String url, Object body) throws Exception {
        return mvc.perform(post(url).header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body))).andReturn().getResponse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"git~1/config", ".git./config", ".git /config", "GIT~1/hooks/post-checkout",
            ".g\u200Dit/config", ".git\u200C/config"})
    void anNdjsonCommitOfADotGitSpellingIs422NamingThePathAndMovesNothing(String path) throws Exception {
        String tip = f.tip();

        MockHttpServletResponse r = commit("", "README2.md", path);

        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(422);
        assertThat(r.getHeader("X-Error-Message")).contains("'.git'").contains(ascii(path));
        assertThat(r.getContentAsString()).contains(JSON.writeValueAsString(path).replace("\"", ""));
        assertThat(f.tip()).isEqualTo(tip);
    }

    @Test
    void aFileAndAFolderOfTheSameNameInOneCommitAre422() throws Exception {
        String tip = f.tip();

        MockHttpServletResponse r = commit("", "n.txt", "n.txt/x");

        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(422);
        assertThat(r.getHeader("X-Error-Message")).contains("n.txt");
        assertThat(f.tip()).isEqualTo(tip);
    }

    @Test
    void pullRequestsWithSuchFilesAre422AndOpenNothing() throws Exception {
        int before = pulls.list(f.repo, null, null, null).size();

        MockHttpServletResponse hf = commit("?create_pr=1", "GIT~1/hooks/post-checkout");
        MockHttpServletResponse api = postJson("/api/models/" + f.repo.fullName() + "/pulls", Map.of("title", "sneak",
                "files", List.of(Map.of("path", ".git. /config", "content", "x"))));
        MockHttpServletResponse clash = postJson("/api/models/" + f.repo.fullName() + "/pulls", Map.of("title", "clash",
                "files", List.of(Map.of("path", "n.txt", "content", "x"), Map.of("path", "n.txt/x", "content", "y"))));

        assertThat(hf.getStatus()).as(hf.getContentAsString()).isEqualTo(422);
        assertThat(hf.getHeader("X-Error-Message")).contains("GIT~1/hooks/post-checkout");
        assertThat(api.getStatus()).as(api.getContentAsString()).isEqualTo(422);
        assertThat(api.getHeader("X-Error-Message")).contains(".git. /config");
        assertThat(clash.getStatus()).as(clash.getContentAsString()).isEqualTo(422);
        assertThat(pulls.list(f.repo, null, null, null)).hasSize(before);
        try (Repository git = store.open(repos.storageOf(f.repo))) {
            assertThat(git.getRefDatabase().getRefsByPrefix("refs/pr/")).isEmpty();
        }
    }

    @Test
    void createRepoWithSuchFilesIs422AndNoRepositoryExistsAfterwards() throws Exception {
        long dirs = storageDirs();
        Map<String, List<Map<String, String>>> bad = Map.of(
                "dotgit-short", List.of(Map.of("path", "README.md", "content", "# x"),
                        Map.of("path", "git~1/config", "content", "[core]")),
                "dotgit-zwj", List.of(Map.of("path", ".g\u200Dit/config", "content", "[core]")),
                "file-folder", List.of(Map.of("path", "n.txt", "content", "a"), Map.of("path", "n.txt/x", "content", "b")),
                "twice", List.of(Map.of("path", "a.txt", "content", "a"), Map.of("path", "a.txt", "content", "b")));
        for (var c : bad.entrySet()) {
            MockHttpServletResponse r = postJson("/api/repos/create", Map.of("name", c.getKey(), "type", "model",
                    "files", c.getValue()));

            assertThat(r.getStatus()).as(c.getKey() + ": " + r.getContentAsString()).isEqualTo(422);
            assertThat(r.getHeader("X-Error-Message")).as(c.getKey()).containsIgnoringCase("path '");
            assertThat(repos.find(RepoKind.MODEL, f.owner.name(), c.getKey(), f.owner)).as(c.getKey()).isEmpty();
        }
        assertThat(storageDirs()).isEqualTo(dirs);
    }

    @Test
    void theUploadAndEditFormsShowTheRefusalAndCommitNothing() throws Exception {
        String tip = f.tip();
        MockMultipartFile config = new MockMultipartFile("files", "config", "text/plain", "[core]\n".getBytes());

        MockHttpServletResponse upload = mvc.perform(multipart("/" + f.repo.urlPath() + "/upload").file(config)
                .with(csrf()).with(user(accounts.principal(f.owner)))
                .param("branch", "main").param("folder", "GIT~1").param("message", "sneak")).andReturn().getResponse();
        MockHttpServletResponse edit = mvc.perform(post("/" + f.repo.urlPath() + "/edit").with(csrf())
                .with(user(accounts.principal(f.owner))).param("branch", "main").param("base", tip)
                .param("path", ".g\u200Dit/config").param("message", "sneak").param("content", "[core]\n"))
                .andReturn().getResponse();

        assertThat(upload.getStatus()).isEqualTo(422);
        assertThat(upload.getContentAsString()).contains("GIT~1/config").contains("short (8.3) name");
        assertThat(edit.getStatus()).isEqualTo(422);
        assertThat(edit.getContentAsString()).contains("U+200D");
        assertThat(f.tip()).isEqualTo(tip);
    }

    @ParameterizedTest
    @ValueSource(strings = {".g\u200Dit", ".git\u200C", "model.git\u200D", "mo\u200Bdel", "GIT~1", ".git."})
    void repositoryNamesThatSpellDotGitOrHideCharactersAre422(String name) throws Exception {
        MockHttpServletResponse r = postJson("/api/repos/create", Map.of("name", name, "type", "model"));

        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(422);
        assertThat(repos.find(RepoKind.MODEL, f.owner.name(), name, f.owner)).isEmpty();
    }

    private static String ascii(String path) {
        return path.replaceAll("[^\\x20-\\x7E]", "?");
    }

    private long storageDirs() throws Exception {
        Path root = store.directory(RepoId.random()).getParent().getParent();
        try (var walk = Files.walk(root, 2)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".git")).count();
        }
    }
}
