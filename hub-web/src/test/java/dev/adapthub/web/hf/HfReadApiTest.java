package dev.adapthub.web.hf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.core.token.TokenScope;
import dev.adapthub.git.lfs.LfsOid;
import dev.adapthub.git.lfs.LfsPointerFile;
import dev.adapthub.git.lfs.LfsStores;
import dev.adapthub.git.write.FileChange;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.TestAccounts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.springframework.test.web.servlet.RequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read side of the Hugging Face-compatible API: the JSON shapes and headers the clients parse,
 * pagination through absolute {@code Link} headers, URL-encoded revisions, CORS, and the error
 * codes of unknown repositories, revisions and files.
 */
@HubWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HfReadApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired RepoService repos;
    @Autowired RepoWrites writes;
    @Autowired RepoFiles files;
    @Autowired LfsStores lfs;

    HfFixture f;

    @BeforeAll
    void createRepository() throws Exception {
        f = new HfFixture(accounts.create("hfread"), "hf-read", repos, writes, files, lfs);
    }

    private MockHttpServletResponse call(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private static Object json(MockHttpServletResponse response) throws Exception {
        return JSON.readValue(response.getContentAsString(), Object.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(MockHttpServletResponse response) throws Exception {
        return (Map<String, Object>) json(response);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(MockHttpServletResponse response) throws Exception {
        return (List<Map<String, Object>>) json(response);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object value) {
        return (List<Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    @Test
    void repositoryInfoHasTheFieldsTheClientsRead() throws Exception {
        MockHttpServletResponse r = call(get(f.api()));

        assertThat(r.getStatus()).isEqualTo(200);
        Map<String, Object> info = object(r);
        assertThat(info).containsKeys("_id", "createdAt", "lastModified", "tags", "cardData")
                .containsEntry("id", f.repo.fullName()).containsEntry("author", f.owner.name())
                .containsEntry("sha", f.tip()).containsEntry("private", false).containsEntry("gated", false)
                .containsEntry("disabled", false).containsEntry("likes", 0).containsEntry("trendingScore",
                        info.get("downloads"))
                .containsEntry("pipeline_tag", "text-generation").containsEntry("library_name", "transformers");
        // Counted now: other tests of this class resolve config.json, so the count depends on their order.
        assertThat(info.get("downloads")).isInstanceOf(Integer.class);
        assertThat((String) info.get("lastModified")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(asList(info.get("tags"))).contains("npu", "transformers", "license:apache-2.0");
        assertThat(asMap(info.get("cardData"))).containsEntry("license", "apache-2.0");
        // As on the Hub, without blobs=true a sibling is its name alone.
        assertThat(siblings(info)).containsExactlyInAnyOrder(Map.of("rfilename", "README.md"),
                Map.of("rfilename", "config.json"), Map.of("rfilename", "weights/model.safetensors"),
                Map.of("rfilename", "weights/tokenizer.json"), Map.of("rfilename", "a/b/c.txt"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> siblings(Map<String, Object> info) {
        return (List<Map<String, Object>>) info.get("siblings");
    }

    private static Map<String, Object> sibling(Map<String, Object> info, String path) {
        return siblings(info).stream().filter(s -> s.get("rfilename").equals(path)).findFirst().orElseThrow();
    }

    /**
     * model_info(files_metadata=True) sends {@code blobs=True} (Python's spelling of the boolean):
     * each sibling then has its size, blob id and, for an LFS file, the pointer's object, size and
     * length. Other values are not true, as for {@code recursive} and {@code expand} of the tree.
     */
    @Test
    void blobsTrueAddsSizeBlobIdAndLfsToEachSibling() throws Exception {
        var at = files.resolve(f.repo, "main").orElseThrow();
        String pointerId = files.entry(f.repo, at, "weights/model.safetensors").orElseThrow().id().name();
        String configId = files.entry(f.repo, at, "config.json").orElseThrow().id().name();
        int pointerSize = new LfsPointerFile(new LfsOid(f.weightsSha256), HfFixture.WEIGHTS.length).format().length;

        for (String query : List.of("?blobs=True", "?blobs=true", "?blobs=1", "/revision/main?blobs=TRUE",
                "?blobs=True&expand=siblings")) {
            Map<String, Object> info = object(call(get(f.api() + query)));

            assertThat(siblings(info)).as(query).hasSize(5).allSatisfy(s -> assertThat(s)
                    .containsKeys("rfilename", "size", "blobId"));
            assertThat(sibling(info, "weights/model.safetensors")).as(query)
                    .containsEntry("size", HfFixture.WEIGHTS.length).containsEntry("blobId", pointerId)
                    .containsEntry("lfs", Map.of("sha256", f.weightsSha256, "size", HfFixture.WEIGHTS.length,
                            "pointerSize", pointerSize));
            assertThat(sibling(info, "config.json")).as(query).isEqualTo(Map.of("rfilename", "config.json",
                    "size", HfFixture.CONFIG.length(), "blobId", configId));
        }
        for (String query : List.of("?blobs=false", "?blobs=0", "?blobs=maybe", "?blobs=", "/revision/main")) {
            assertThat(siblings(object(call(get(f.api() + query))))).as(query).hasSize(5)
                    .allSatisfy(s -> assertThat(s.keySet()).containsExactly("rfilename"));
        }
    }

    @Test
    void datasetsAndToolsListSiblingsTheSameWay() throws Exception {
        var someone = accounts.create("kinds");
        for (RepoKind kind : List.of(RepoKind.DATASET, RepoKind.TOOL)) {
            var repo = repos.create(someone, new NewRepo(kind, null, "kind-" + kind.name().toLowerCase(), false));
            writes.commit(repo, someone, "main", null, "Data", List.of(FileChange.put("data/train.csv", "a,b\n")));
            String api = "/api/" + kind.urlPrefix() + repo.fullName();

            assertThat(siblings(object(call(get(api))))).as(api).containsExactly(Map.of("rfilename", "data/train.csv"));
            assertThat(siblings(object(call(get(api + "/revision/main?blobs=True"))))).as(api).singleElement()
                    .satisfies(s -> assertThat(s).containsEntry("rfilename", "data/train.csv")
                            .containsEntry("size", 4).containsKey("blobId").doesNotContainKey("lfs"));
        }
    }

    @Test
    void expandKeepsOnlyTheNamedFieldsAndRevisionsMayBeUrlEncoded() throws Exception {
        Map<String, Object> info = object(call(get(f.api() + "?expand=sha&expand=likes")));
        Map<String, Object> encoded = object(call(get(URI.create(f.api() + "/revision/refs%2Fheads%2Fmain"))));

        assertThat(info.keySet()).containsExactly("_id", "id", "sha", "likes");
        assertThat(encoded).containsEntry("sha", f.tip());
    }

    /**
     * The metadata is kept per commit: the repository page, which shows the root folder only, asking
     * first must not hide weights in a folder from the API's answer.
     */
    @Test
    void derivedMetadataCountsWeightsInFoldersWhoeverAsksFirst() throws Exception {
        var someone = accounts.create("nested");
        var nested = repos.create(someone, new NewRepo(RepoKind.MODEL, null, "nested-weights", false));
        writes.commit(nested, someone, "main", null, "Weights in a folder", List.of(
                FileChange.put("README.md", "# Nested\n"), FileChange.put("config.json", HfModelFiles.CONFIG),
                FileChange.put("weights/model.safetensors", HfModelFiles.SAFETENSORS)));

        MockHttpServletResponse page = call(get("/" + nested.urlPath()));
        Map<String, Object> info = object(call(get("/api/models/" + nested.fullName())));

        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).as("the page's model facts count them too").contains("BF16 · 6");
        assertThat(info).containsEntry("safetensors", Map.of("parameters", Map.of("BF16", 6, "F32", 4), "total", 10));
    }

    @Test
    void namesWithDotsAreWholeNames() throws Exception {
        var someone = accounts.create("dots");
        var dotted = repos.create(someone, new NewRepo(RepoKind.MODEL, null, "Llama-3.1-8B.v2", false));
        writes.commit(dotted, someone, "main", null, "One", List.of(
                FileChange.put("config.json", "{}")));

        Map<String, Object> info = object(call(get("/api/models/" + dotted.fullName())));
        List<Map<String, Object>> tree = list(call(get("/api/models/" + dotted.fullName() + "/tree/main")));

        assertThat(info).containsEntry("id", someone.name() + "/Llama-3.1-8B.v2");
        assertThat(tree).extracting(e -> e.get("path")).containsExactly("config.json");
    }

    @Test
    void unknownRepositoryAndRevisionCarryTheirErrorCodes() throws Exception {
        MockHttpServletResponse repo = call(get("/api/models/" + f.owner.name() + "/nope"));
        MockHttpServletResponse revision = call(get(f.api() + "/revision/no-such-branch"));
        MockHttpServletResponse tree = call(get(f.api() + "/tree/no-such-branch"));
        MockHttpServletResponse entry = call(get(f.api() + "/tree/main/no/such/folder"));

        assertThat(repo.getStatus()).as("anonymous: 401, as the Hub answers").isEqualTo(401);
        assertThat(repo.getHeader("X-Error-Code")).isEqualTo("RepoNotFound");
        assertThat(repo.getHeader("X-Error-Message")).contains("/nope");
        assertThat(object(repo)).containsKey("error");
        assertThat(revision.getStatus()).isEqualTo(404);
        assertThat(revision.getHeader("X-Error-Code")).isEqualTo("RevisionNotFound");
        assertThat(tree.getHeader("X-Error-Code")).isEqualTo("RevisionNotFound");
        MockHttpServletResponse space = call(get("/api/spaces/" + f.repo.fullName()));
        assertThat(space.getStatus()).isEqualTo(404);
        assertThat(space.getHeader("X-Error-Code")).isEqualTo("RepoNotFound");
        assertThat(entry.getStatus()).isEqualTo(404);
        assertThat(entry.getHeader("X-Error-Code")).isEqualTo("EntryNotFound");
    }

    @Test
    void treeEntriesHaveTheShapeListFilesParses() throws Exception {
        List<Map<String, Object>> root = list(call(get(f.api() + "/tree/main?recursive=false&expand=false")));
        List<Map<String, Object>> weights = list(call(get(f.api() + "/tree/main/weights")));
        List<Map<String, Object>> all = list(call(get(f.api() + "/tree/main?recursive=true")));

        assertThat(root).extracting(e -> e.get("path") + ":" + e.get("type")).containsExactlyInAnyOrder(
                "README.md:file", "config.json:file", "a:directory", "weights:directory");
        assertThat(root).allSatisfy(e -> assertThat(e).containsKeys("oid", "size"));
        Map<String, Object> model = weights.stream().filter(e -> e.get("path").equals("weights/model.safetensors"))
                .findFirst().orElseThrow();
        assertThat(model).containsEntry("type", "file").containsEntry("size", HfFixture.WEIGHTS.length);
        assertThat(asMap(model.get("lfs"))).containsEntry("oid", f.weightsSha256)
                .containsEntry("size", HfFixture.WEIGHTS.length).containsKey("pointerSize");
        assertThat(all).extracting(e -> e.get("path")).contains("a/b/c.txt", "weights/tokenizer.json");
    }

    @Test
    void treePagesFollowAnAbsoluteLinkToThisHub() throws Exception {
        // Forwarded headers count only when the operator turns Spring's forwarded-header handling on.
        MockHttpServletResponse first = call(get(f.api() + "/tree/main?recursive=true&limit=3")
                .header("X-Forwarded-Host", "evil.example"));
        String link = first.getHeader("Link");

        assertThat(list(first)).hasSize(3);
        assertThat(link).matches("<http://localhost(:\\d+)?/api/models/.*cursor=3.*>; rel=\"next\"");
        String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        MockHttpServletResponse second = call(get(URI.create(next.replaceFirst("^http://localhost(:\\d+)?", ""))));
        assertThat(list(second)).isNotEmpty();
        assertThat(list(second)).extracting(e -> e.get("path"))
                .doesNotContainAnyElementsOf(list(first).stream().map(e -> e.get("path")).toList());
    }

    @Test
    void expandedTreeAndPathsInfoNameTheLastCommit() throws Exception {
        List<Map<String, Object>> expanded = list(call(get(f.api() + "/tree/main/weights?expand=true")));
        List<Map<String, Object>> json = list(call(post(f.api() + "/paths-info/main")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"paths\": [\"config.json\", \"weights\", \"missing.txt\"], \"expand\": true}")));
        List<Map<String, Object>> form = list(call(post(f.api() + "/paths-info/main")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("paths=config.json&paths=a")));

        assertThat(expanded).allSatisfy(e -> assertThat(asMap(e.get("lastCommit")))
                .containsKeys("id", "title", "date"));
        assertThat(json).extracting(e -> e.get("path") + ":" + e.get("type"))
                .containsExactly("config.json:file", "weights:directory");
        assertThat(asMap(json.get(0).get("lastCommit"))).containsEntry("title", "First files");
        assertThat(form).extracting(e -> e.get("path")).containsExactly("config.json", "a");
        assertThat(form.get(0)).doesNotContainKey("lastCommit");
    }

    @Test
    void pathsInfoRefusesTraversalNamingThePath() throws Exception {
        MockHttpServletResponse r = call(post(f.api() + "/paths-info/main").contentType(MediaType.APPLICATION_JSON)
                .content("{\"paths\": [\"config.json\", \"../../etc/passwd\"]}"));
        MockHttpServletResponse none = call(post(f.api() + "/paths-info/main").contentType(MediaType.APPLICATION_JSON)
                .content("{}"));

        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(r.getHeader("X-Error-Message")).contains("../../etc/passwd");
        assertThat(none.getStatus()).isEqualTo(400);
    }

    @Test
    void refsAndCommitsListBranchesTagsAndPagedHistory() throws Exception {
        Map<String, Object> refs = object(call(get(f.api() + "/refs?include_prs=1")));
        MockHttpServletResponse commits = call(get(f.api() + "/commits/main?limit=1"));

        assertThat(refs).containsKeys("branches", "tags", "converts", "pullRequests");
        assertThat(asList(refs.get("branches"))).containsExactly(Map.of("name", "main", "ref", "refs/heads/main",
                "targetCommit", f.tip()));
        assertThat(object(call(get(f.api() + "/refs")))).doesNotContainKey("pullRequests");
        assertThat(list(commits)).singleElement().satisfies(c -> assertThat(c)
                .containsEntry("id", f.tip()).containsEntry("title", "Add a tokenizer")
                .containsKeys("message", "authors", "date"));
        assertThat(commits.getHeader("Link")).contains("cursor=1").endsWith("rel=\"next\"");
    }

    @Test
    void listingsFilterByAuthorAndSearch() throws Exception {
        List<Map<String, Object>> byAuthor = list(call(get("/api/models?author=" + f.owner.name())));
        List<Map<String, Object>> searched = list(call(get("/api/models?search=hf-read&limit=100")));
        List<Map<String, Object>> datasets = list(call(get("/api/datasets?author=" + f.owner.name())));

        assertThat(byAuthor).extracting(m -> m.get("id")).containsExactly(f.repo.fullName());
        assertThat(byAuthor.get(0)).containsKeys("_id", "likes", "downloads", "tags", "private", "lastModified");
        assertThat(searched).extracting(m -> m.get("id")).contains(f.repo.fullName());
        assertThat(datasets).isEmpty();
        assertThat(list(call(get("/api/models?author=" + f.owner.name() + "&expand=likes"))).get(0).keySet())
                .containsExactly("_id", "id", "likes");
    }

    @Test
    void whoamiHasTheShapeTheClientsRead() throws Exception {
        String token = accounts.token(f.owner, TokenScope.WRITE);
        Map<String, Object> me = object(call(get("/api/whoami-v2").header("Authorization", "Bearer " + token)));

        assertThat(me).containsEntry("type", "user").containsEntry("name", f.owner.name())
                .containsEntry("isPro", false).containsEntry("email", "t@example.org")
                .containsKeys("orgs", "id", "fullname", "canPay", "emailVerified", "avatarUrl");
        assertThat(asMap(me.get("auth"))).containsEntry("type", "access_token");
        assertThat(asMap(asMap(me.get("auth")).get("accessToken"))).containsEntry("role", "write")
                .containsEntry("displayName", "test").containsKey("createdAt");
    }

    @Test
    void corsLetsBrowserClientsReadTheHeaders() throws Exception {
        MockHttpServletResponse preflight = call(options(f.api() + "/tree/main")
                .header("Origin", "https://example.org").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization"));
        MockHttpServletResponse download = call(get("/" + f.repo.urlPath() + "/resolve/main/config.json")
                .header("Origin", "https://example.org"));
        MockHttpServletResponse page = call(get("/" + f.repo.urlPath()).header("Origin", "https://example.org"));

        assertThat(preflight.getStatus()).isEqualTo(200);
        assertThat(preflight.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(download.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(download.getHeader("Access-Control-Expose-Headers")).contains("X-Repo-Commit", "X-Linked-Etag",
                "X-Error-Code", "ETag", "Content-Range");
        assertThat(page.getHeader("Access-Control-Allow-Origin")).isNull();
    }

    /** Through the real Tomcat: an encoded slash reaches the controllers, an encoded traversal does not escape. */
    @Test
    void encodedSlashesPassTomcatButNeverTraverse() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://localhost:" + port;
        HttpResponse<String> info = http.send(HttpRequest.newBuilder(URI.create(base + f.api()
                + "/revision/refs%2Fheads%2Fmain")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> resolve = http.send(HttpRequest.newBuilder(URI.create(base + "/"
                + f.repo.urlPath() + "/resolve/refs%2Fheads%2Fmain/config.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> traversal = http.send(HttpRequest.newBuilder(URI.create(base + f.api()
                + "/tree/main/weights%2F..%2F..%2F..")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> resolveTraversal = http.send(HttpRequest.newBuilder(URI.create(base + "/"
                + f.repo.urlPath() + "/resolve/main/a%2F..%2F..%2Fconfig.json")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(info.statusCode()).as(info.body()).isEqualTo(200);
        assertThat(info.body()).contains(f.tip());
        assertThat(resolve.statusCode()).as(resolve.body()).isEqualTo(200);
        assertThat(resolve.body()).isEqualTo(HfFixture.CONFIG);
        assertThat(traversal.statusCode()).isEqualTo(400);
        assertThat(traversal.body()).contains("'..'");
        assertThat(resolveTraversal.statusCode()).isBetween(400, 499);
        assertThat(resolveTraversal.body()).doesNotContain("model_type");
    }
}
