package dev.adapthub.web.hf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.core.token.TokenScope;
import dev.adapthub.git.lfs.LfsStores;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.TestAccounts;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The write side: preupload's answer, NDJSON commits (inline, LFS, deletions) and every refusal
 * (malformed body, stale parentCommit, oversized, traversal, missing LFS object, no token) with
 * the branch left where it was.
 */
@HubWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HfWriteApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired RepoService repos;
    @Autowired RepoWrites writes;
    @Autowired RepoFiles files;
    @Autowired LfsStores lfs;

    HfFixture f;
    String token;
    String readToken;

    @BeforeAll
    void createRepository() throws Exception {
        f = new HfFixture(accounts.create("hfwrite"), "hf-write", repos, writes, files, lfs);
        token = accounts.token(f.owner, TokenScope.WRITE);
        readToken = accounts.token(f.owner, TokenScope.READ);
    }

    private MockHttpServletResponse commit(String body) throws Exception {
        return commit("main", body);
    }

    private MockHttpServletResponse commit(String branch, String body) throws Exception {
        return mvc.perform(post(f.api() + "/commit/" + branch).header("Authorization", "Bearer " + token)
                .contentType("application/x-ndjson").content(body)).andReturn().getResponse();
    }

    private static String line(String key, Map<String, Object> value) {
        return JSON.writeValueAsString(Map.of("key", key, "value", value)) + "\n";
    }

    private static String header(String summary) {
        return line("header", Map.of("summary", summary));
    }

    private String resolve(String path) throws Exception {
        return mvc.perform(get("/" + f.repo.urlPath() + "/resolve/main/" + path)).andReturn().getResponse()
                .getContentAsString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(MockHttpServletResponse response) throws Exception {
        return JSON.readValue(response.getContentAsString(), Map.class);
    }

    @Test
    void preuploadSendsLargeAndBinaryFilesThroughLfs() throws Exception {
        String body = JSON.writeValueAsString(Map.of("files", List.of(
                Map.of("path", "big.bin", "size", 12 << 20, "sample", "AAAA"),
                Map.of("path", "small.bin", "size", 3, "sample", Base64.getEncoder().encodeToString(new byte[] {1, 0, 2})),
                Map.of("path", "notes.md", "size", 5, "sample", Base64.getEncoder().encodeToString("hello".getBytes())))));
        MockHttpServletResponse r = mvc.perform(post(f.api() + "/preupload/main")
                .header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse();
        MockHttpServletResponse anonymous = mvc.perform(post(f.api() + "/preupload/main")
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();

        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(object(r).get("files")).isEqualTo(List.of(
                Map.of("path", "big.bin", "uploadMode", "lfs", "shouldIgnore", false),
                Map.of("path", "small.bin", "uploadMode", "lfs", "shouldIgnore", false),
                Map.of("path", "notes.md", "uploadMode", "regular", "shouldIgnore", false)));
        assertThat(anonymous.getStatus()).isEqualTo(401);
        assertThat(anonymous.getHeader("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void aCommitWritesInlineAndLfsFilesAndDeletesAndAnswersWithItsId() throws Exception {
        String before = f.tip();
        MockHttpServletResponse r = commit(line("header", Map.of("summary", "Through the API",
                "description", "with a description", "parentCommit", before))
                + line("file", Map.of("path", "docs/usage.md", "content",
                        Base64.getEncoder().encodeToString("# Usage\n".getBytes(StandardCharsets.UTF_8)),
                        "encoding", "base64"))
                + line("lfsFile", Map.of("path", "weights/copy.safetensors", "algo", "sha256",
                        "oid", f.weightsSha256, "size", HfFixture.WEIGHTS.length))
                + line("deletedFile", Map.of("path", "weights/tokenizer.json"))
                + line("deletedFolder", Map.of("path", "a/")));

        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(200);
        Map<String, Object> answer = object(r);
        assertThat(answer).containsEntry("commitOid", f.tip()).doesNotContainKey("pullRequestUrl");
        assertThat((String) answer.get("commitUrl")).endsWith("/" + f.repo.urlPath() + "/commit/" + f.tip())
                .startsWith("http");
        assertThat(f.tip()).isNotEqualTo(before);
        assertThat(resolve("docs/usage.md")).isEqualTo("# Usage\n");
        assertThat(mvc.perform(get("/" + f.repo.urlPath() + "/resolve/main/weights/copy.safetensors"))
                .andReturn().getResponse().getContentAsByteArray()).isEqualTo(HfFixture.WEIGHTS);
        assertThat(mvc.perform(get("/" + f.repo.urlPath() + "/resolve/main/a/b/c.txt")).andReturn().getResponse()
                .getHeader("X-Error-Code")).isEqualTo("EntryNotFound");
    }

    @Test
    void aStaleParentCommitIsRefusedWith412AndNothingMoves() throws Exception {
        String tip = f.tip();
        String stale = files.history(repos.get(f.repo.kind(), f.repo.owner(), f.repo.name(), f.owner),
                files.resolve(f.repo, "main").orElseThrow(), "", 1, 1).commits().get(0).id().name();
        MockHttpServletResponse r = commit(line("header", Map.of("summary", "Late", "parentCommit", stale))
                + line("file", Map.of("path", "late.txt", "content", "late")));

        assertThat(r.getStatus()).isEqualTo(412);
        assertThat(r.getHeader("X-Error-Message")).contains(stale);
        assertThat(f.tip()).isEqualTo(tip);
    }

    @Test
    void badBodiesAreRefusedNamingTheProblemAndNothingMoves() throws Exception {
        String tip = f.tip();
        Map<String, String> cases = Map.of(
                "{not json\n", "Line 1",
                line("file", Map.of("path", "x.txt", "content", "x")), "before the header",
                header("no ops"), "no operations",
                header("t") + line("file", Map.of("path", "../escape.txt", "content", "x")), "../escape.txt",
                header("t") + line("file", Map.of("path", ".git/config", "content", "x")), ".git/config",
                header("t") + line("file", Map.of("path", "/etc/passwd", "content", "x")), "/etc/passwd",
                header("t") + line("file", Map.of("path", "x.bin", "content", "%%%", "encoding", "base64")), "base64",
                header("t") + line("rename", Map.of("path", "x")), "rename");
        for (var c : cases.entrySet()) {
            MockHttpServletResponse r = commit(c.getKey());
            assertThat(r.getStatus()).as(c.getKey()).isEqualTo(400);
            assertThat(r.getHeader("X-Error-Message")).as(c.getKey()).contains(c.getValue());
        }
        assertThat(f.tip()).isEqualTo(tip);
    }

    @Test
    void anLfsFileWhoseObjectWasNeverUploadedIsRefusedNamingThePath() throws Exception {
        String tip = f.tip();
        MockHttpServletResponse r = commit(header("ghost") + line("lfsFile", Map.of("path", "ghost.bin",
                "algo", "sha256", "oid", "a".repeat(64), "size", 10)));

        assertThat(r.getStatus()).isEqualTo(422);
        assertThat(r.getHeader("X-Error-Message")).contains("ghost.bin").contains("LFS batch");
        assertThat(f.tip()).isEqualTo(tip);
    }

    @Test
    void oversizedCommitsAreRefusedWith413() throws Exception {
        String tip = f.tip();
        byte[] huge = new byte[NdjsonCommit.MAX_BODY_BYTES + 1];
        MockHttpServletResponse body = mvc.perform(post(f.api() + "/commit/main")
                .header("Authorization", "Bearer " + token).contentType("application/x-ndjson").content(huge))
                .andReturn().getResponse();
        MockHttpServletResponse inline = commit(header("big") + line("file", Map.of("path", "big.bin",
                "content", Base64.getEncoder().encodeToString(new byte[NdjsonCommit.MAX_INLINE_FILE_BYTES + 1]),
                "encoding", "base64")));

        assertThat(body.getStatus()).isEqualTo(413);
        assertThat(inline.getStatus()).isEqualTo(413);
        assertThat(inline.getHeader("X-Error-Message")).contains("big.bin").contains("LFS");
        assertThat(f.tip()).isEqualTo(tip);
    }

    @Test
    void createRepoTakesTheJsClientsShapeWithInitialFilesAndABadFileCreatesNothing() throws Exception {
        String created = "{\"name\": \"with-files\", \"organization\": \"" + f.owner.name() + "\", \"type\": \"model\","
                + " \"visibility\": \"private\", \"files\": [{\"path\": \"README.md\", \"encoding\": \"base64\","
                + " \"content\": \"" + Base64.getEncoder().encodeToString("# Hi\n".getBytes()) + "\"}]}";
        String bad = "{\"name\": \"with-bad-files\", \"type\": \"model\", \"files\": [{\"path\": \"../x\","
                + " \"content\": \"x\"}]}";
        MockHttpServletResponse ok = mvc.perform(post("/api/repos/create").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(created)).andReturn().getResponse();
        MockHttpServletResponse refused = mvc.perform(post("/api/repos/create")
                .header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(bad))
                .andReturn().getResponse();

        assertThat(ok.getStatus()).as(ok.getContentAsString()).isEqualTo(200);
        assertThat(object(ok)).containsEntry("id", f.owner.name() + "/with-files").containsEntry("private", true);
        var repo = repos.get(RepoKind.MODEL, f.owner.name(), "with-files", f.owner);
        assertThat(files.readText(repo, files.resolve(repo, "main").orElseThrow(), "README.md", 100)).contains("# Hi\n");
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getHeader("X-Error-Message")).contains("../x");
        assertThat(repos.find(RepoKind.MODEL, f.owner.name(), "with-bad-files", f.owner)).isEmpty();
    }

    @Test
    void noTokenReadTokenAndUnknownBranchAreRefused() throws Exception {
        String tip = f.tip();
        String body = header("t") + line("file", Map.of("path", "t.txt", "content", "t"));
        MockHttpServletResponse anonymous = mvc.perform(post(f.api() + "/commit/main")
                .contentType("application/x-ndjson").content(body)).andReturn().getResponse();
        MockHttpServletResponse readOnly = mvc.perform(post(f.api() + "/commit/main")
                .header("Authorization", "Bearer " + readToken).contentType("application/x-ndjson").content(body))
                .andReturn().getResponse();
        MockHttpServletResponse stranger = mvc.perform(post(f.api() + "/commit/main")
                .header("Authorization", "Bearer " + accounts.token(accounts.create("other"), TokenScope.WRITE))
                .contentType("application/x-ndjson").content(body)).andReturn().getResponse();
        MockHttpServletResponse branch = commit("no-such-branch", body);

        assertThat(anonymous.getStatus()).isEqualTo(401);
        assertThat(readOnly.getStatus()).isEqualTo(403);
        assertThat(stranger.getStatus()).isEqualTo(403);
        assertThat(branch.getStatus()).isEqualTo(404);
        assertThat(branch.getHeader("X-Error-Code")).isEqualTo("RevisionNotFound");
        assertThat(f.tip()).isEqualTo(tip);
    }
}
