package dev.adapthub.web.hf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.org.NewOrganization;
import dev.adapthub.core.org.Organization;
import dev.adapthub.core.org.OrganizationService;
import dev.adapthub.core.org.Role;
import dev.adapthub.core.pull.protection.BranchProtections;
import dev.adapthub.core.pull.protection.ProtectionRule;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoPermission;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RefsMoved;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.core.token.TokenScope;
import dev.adapthub.git.lfs.LfsStores;
import dev.adapthub.git.write.FileChange;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.TestAccounts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP exchanges of the Hugging Face clients that have no JavaScript call, or whose client
 * (Python's {@code huggingface_hub}) cannot run here: each test sends the request the client sends,
 * with its headers, and checks every header and field the client reads. Sources are named per test
 * ({@code huggingface_hub/file_download.py}, {@code hf_api.py}, by function).
 */
@HubWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@RecordApplicationEvents
class HfFilesApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired RepoService repos;
    @Autowired RepoWrites writes;
    @Autowired RepoFiles files;
    @Autowired LfsStores lfs;
    @Autowired OrganizationService organizations;
    @Autowired BranchProtections protections;
    @Autowired ApplicationEvents events;

    Account owner;
    String token;
    HfModelFiles model;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    void createRepository() throws Exception {
        owner = accounts.create("hffiles");
        token = accounts.token(owner, TokenScope.WRITE);
        model = new HfModelFiles(owner, "files-api", repos, writes, lfs);
    }

    private String api() {
        return "/api/models/" + model.repo.fullName();
    }

    private String tip(Repo repo, String branch) {
        return files.resolve(repo, branch).orElseThrow().commitId().name();
    }

    private MockHttpServletResponse call(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(MockHttpServletResponse response) throws Exception {
        return JSON.readValue(response.getContentAsString(), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(MockHttpServletResponse response) throws Exception {
        return JSON.readValue(response.getContentAsString(), List.class);
    }

    /** A HEAD as file_download.py's get_hf_file_metadata sends it: identity encoding, redirects not followed. */
    private HttpResponse<Void> pythonHead(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).header("Accept-Encoding", "identity")
                .header("User-Agent", "huggingface_hub/0.30; python/3.12").build(), HttpResponse.BodyHandlers.discarding());
    }

    /**
     * hf_hub_download → _get_metadata_or_catch_error → get_hf_file_metadata: HEAD on
     * /resolve/{rev}/{file} with {@code Accept-Encoding: identity}, redirects not followed; it needs
     * X-Repo-Commit ("Distant resource does not seem to be on huggingface.co" otherwise), the ETag from
     * X-Linked-Etag or ETag, the size from X-Linked-Size or Content-Length, and downloads from
     * {@code Location or request.url}. The hub answers LFS files itself (200, no Location), so the GET
     * goes to the same URL and returns exactly X-Linked-Size bytes whose SHA-256 is the ETag.
     */
    @Test
    void pythonHfHubDownloadOfAnLfsFileGetsCommitEtagAndSizeFromTheHead() throws Exception {
        String path = "/" + model.repo.fullName() + "/resolve/main/model.safetensors";
        HttpResponse<Void> head = pythonHead(path);

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("X-Repo-Commit")).hasValue(tip(model.repo, "main"));
        assertThat(head.headers().firstValue("X-Linked-Etag")).hasValue("\"" + model.weightsSha256 + "\"");
        assertThat(head.headers().firstValue("X-Linked-Size")).hasValue(Integer.toString(HfModelFiles.SAFETENSORS.length));
        assertThat(head.headers().firstValue("Content-Length")).hasValue(Integer.toString(HfModelFiles.SAFETENSORS.length));
        assertThat(head.headers().firstValue("Location")).isEmpty();
        assertThat(head.headers().firstValue("Content-Encoding")).isEmpty();

        HttpResponse<byte[]> body = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Encoding", "identity").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(body.body()).isEqualTo(HfModelFiles.SAFETENSORS);
        assertThat(HfFixture.sha256(body.body())).isEqualTo(model.weightsSha256);
    }

    /** get_hf_file_metadata on a file kept in Git: the ETag is the Git blob id, the size Content-Length. */
    @Test
    void pythonHeadOfARegularFileNamesItsBlobAndSize() throws Exception {
        HttpResponse<Void> head = pythonHead("/" + model.repo.fullName() + "/resolve/main/config.json");

        assertThat(head.statusCode()).isEqualTo(200);
        String blob = files.entry(model.repo, files.resolve(model.repo, "main").orElseThrow(), "config.json")
                .orElseThrow().id().name();
        assertThat(head.headers().firstValue("ETag")).hasValue("\"" + blob + "\"");
        assertThat(head.headers().firstValue("X-Linked-Etag")).isEmpty();
        assertThat(head.headers().firstValue("Content-Length"))
                .hasValue(Integer.toString(HfModelFiles.CONFIG.getBytes(StandardCharsets.UTF_8).length));
    }

    /**
     * _get_metadata_or_catch_error on RemoteEntryNotFoundError: hf_raise_for_status picks the error by
     * X-Error-Code, and the client caches the absence under the X-Repo-Commit of the 404.
     */
    @Test
    void pythonHeadOfAMissingFileIsEntryNotFoundAtTheCommit() throws Exception {
        HttpResponse<Void> head = pythonHead("/" + model.repo.fullName() + "/resolve/main/tokenizer.json");

        assertThat(head.statusCode()).isEqualTo(404);
        assertThat(head.headers().firstValue("X-Error-Code")).hasValue("EntryNotFound");
        assertThat(head.headers().firstValue("X-Repo-Commit")).hasValue(tip(model.repo, "main"));
        assertThat(pythonHead("/" + model.repo.fullName() + "/resolve/nobranch/config.json").headers()
                .firstValue("X-Error-Code")).hasValue("RevisionNotFound");
    }

    /**
     * snapshot_download: HfApi.repo_info → GET /api/models/{id}/revision/{rev} (hf_api.py model_info),
     * reads {@code sha} and {@code siblings[].rfilename}, then hf_hub_download of each file at that sha.
     * model_info(files_metadata=True) adds {@code blobs=True}: the sizes it then lists are the ones
     * the downloads announce.
     */
    @Test
    @SuppressWarnings("unchecked")
    void pythonSnapshotDownloadListsSiblingsAndResolvesEachAtTheCommit() throws Exception {
        Map<String, Object> info = object(call(get(api() + "/revision/main")));
        String sha = (String) info.get("sha");
        assertThat(sha).isEqualTo(tip(model.repo, "main"));
        List<Map<String, Object>> siblings = (List<Map<String, Object>>) info.get("siblings");
        assertThat(siblings).extracting(s -> s.get("rfilename")).contains("config.json", "model.safetensors",
                "model.gguf", "README.md", ".gitattributes");
        assertThat(siblings).allSatisfy(s -> assertThat(s.keySet()).containsExactly("rfilename"));
        List<Map<String, Object>> sized = (List<Map<String, Object>>) object(call(get(api() + "/revision/" + sha)
                .param("blobs", "True"))).get("siblings");
        assertThat(sized).extracting(s -> s.get("rfilename"))
                .containsExactlyElementsOf(siblings.stream().map(s -> s.get("rfilename")).toList());
        for (Map<String, Object> sibling : sized) {
            HttpResponse<Void> head = pythonHead("/" + model.repo.fullName() + "/resolve/" + sha + "/"
                    + sibling.get("rfilename"));
            assertThat(head.statusCode()).as((String) sibling.get("rfilename")).isEqualTo(200);
            assertThat(head.headers().firstValue("X-Repo-Commit")).hasValue(sha);
            long size = ((Number) sibling.get("size")).longValue();
            assertThat(head.headers().firstValue("X-Linked-Size").or(() -> head.headers().firstValue("Content-Length")))
                    .hasValue(Long.toString(size));
        }
    }

    /**
     * list_models(full=True) and expand=siblings: each repository's files by name only, as the Hub
     * lists them, with the metadata derived from the weights (an LFS .safetensors, a .gguf in Git).
     */
    @Test
    @SuppressWarnings("unchecked")
    void fullListingNamesTheFilesAndDerivesTheMetadata() throws Exception {
        List<Map<String, Object>> full = list(call(get("/api/models?author=" + owner.name() + "&full=True&limit=100")));

        Map<String, Object> listed = full.stream().filter(m -> m.get("id").equals(model.repo.fullName()))
                .findFirst().orElseThrow();
        assertThat((List<Map<String, Object>>) listed.get("siblings")).contains(Map.of("rfilename", "model.safetensors"),
                Map.of("rfilename", "model.gguf"), Map.of("rfilename", "config.json"))
                .allSatisfy(s -> assertThat(s.keySet()).containsExactly("rfilename"));
        assertThat(listed).containsEntry("safetensors", Map.of("parameters", Map.of("BF16", 6, "F32", 4), "total", 10))
                .containsEntry("gguf", Map.of("total", 32, "architecture", "llama", "context_length", 4096))
                .containsEntry("config", Map.of("architectures", List.of("LlamaForCausalLM"), "model_type", "llama"));
    }

    /** /raw/ serves the blob as Git stores it: the pointer of an LFS file, with the blob id as ETag. */
    @Test
    void rawServesThePointerFileOfAnLfsFile() throws Exception {
        MockHttpServletResponse raw = call(get("/" + model.repo.fullName() + "/raw/main/model.safetensors"));

        assertThat(raw.getStatus()).isEqualTo(200);
        assertThat(raw.getContentAsString()).isEqualTo(model.pointer);
        assertThat(raw.getHeader("X-Repo-Commit")).isEqualTo(tip(model.repo, "main"));
        assertThat(raw.getHeader("ETag")).isEqualTo("\"" + files.entry(model.repo,
                files.resolve(model.repo, "main").orElseThrow(), "model.safetensors").orElseThrow().id().name() + "\"");
        assertThat(raw.getHeader("X-Linked-Etag")).isNull();
        // fileExists and parseSafetensorsMetadata send the caller's token along.
        MockHttpServletResponse withToken = call(head("/" + model.repo.fullName() + "/raw/main/config.json")
                .header("Authorization", "Bearer hf_" + token));
        assertThat(withToken.getStatus()).isEqualTo(200);
        MockHttpServletResponse missing = call(get("/" + model.repo.fullName() + "/raw/main/nothing.txt"));
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(missing.getHeader("X-Error-Code")).isEqualTo("EntryNotFound");
    }

    /**
     * list_repo_commits pages through Link; countCommits (JS) reads X-Total-Count; the Hub's own
     * links page with {@code p}, which the hub accepts too.
     */
    @Test
    void commitsPageByPAndCountInXTotalCount() throws Exception {
        MockHttpServletResponse second = call(get(api() + "/commits/main?p=1&limit=1"));

        assertThat(second.getHeader("X-Total-Count")).isEqualTo("3");
        assertThat(list(second)).singleElement().satisfies(c -> assertThat(c).containsEntry("title", "Weights"));
        assertThat(second.getHeader("Link")).startsWith("<http://").contains("p=2").endsWith("rel=\"next\"");
        MockHttpServletResponse last = call(get(api() + "/commits/main?p=2&limit=1"));
        assertThat(list(last)).singleElement().satisfies(c -> assertThat(c).containsEntry("title", "Card and config"));
        assertThat(last.getHeader("Link")).isNull();
    }

    /**
     * hf_api.py create_tag: POST …/tag/{revision} {"tag", "message"} (409 is what exist_ok ignores);
     * delete_tag: DELETE …/tag/{tag}. Each move is announced as pushes are (RefsMoved).
     */
    @Test
    void tagsAreCreatedOnceAndDeletedAndAnnounced() throws Exception {
        String main = tip(model.repo, "main");
        MockHttpServletResponse created = call(post(api() + "/tag/main").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"tag\": \"v1.0\", \"message\": \"First release\"}"));

        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(200);
        assertThat(files.tags(model.repo)).anySatisfy(t -> {
            assertThat(t.name()).isEqualTo("v1.0");
            assertThat(t.commit().id().name()).isEqualTo(main);
        });
        assertThat(events.stream(RefsMoved.class)).anySatisfy(e -> assertThat(e.moved("refs/tags/v1.0")).isTrue());
        MockHttpServletResponse again = call(post(api() + "/tag/main").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"tag\": \"v1.0\"}"));
        assertThat(again.getStatus()).isEqualTo(409);

        assertThat(call(delete(api() + "/tag/v1.0").header("Authorization", "Bearer " + token)).getStatus())
                .isEqualTo(200);
        assertThat(files.tags(model.repo)).noneMatch(t -> t.name().equals("v1.0"));
        MockHttpServletResponse gone = call(delete(api() + "/tag/v1.0").header("Authorization", "Bearer " + token));
        assertThat(gone.getStatus()).isEqualTo(404);
        assertThat(gone.getHeader("X-Error-Code")).isEqualTo("RevisionNotFound");
    }

    @Test
    void badRefRequestsAreRefusedWithTheirReasonAndChangeNothing() throws Exception {
        List<String> before = files.branches(model.repo).stream().map(b -> b.name() + b.commit().id().name()).toList();

        MockHttpServletResponse noTag = call(post(api() + "/tag/main").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{}"));
        MockHttpServletResponse badName = call(post(api() + "/branch/bad..name")
                .header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content("{}"));
        MockHttpServletResponse badStart = call(post(api() + "/branch/feature")
                .header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"startingPoint\": \"no-such-branch\"}"));
        MockHttpServletResponse anonymous = call(post(api() + "/branch/feature")
                .contentType(MediaType.APPLICATION_JSON).content("{}"));

        assertThat(noTag.getStatus()).isEqualTo(400);
        assertThat(noTag.getHeader("X-Error-Message")).contains("tag");
        assertThat(badName.getStatus()).isEqualTo(400);
        assertThat(badName.getHeader("X-Error-Message")).contains("branch");
        assertThat(badStart.getStatus()).isEqualTo(404);
        assertThat(badStart.getHeader("X-Error-Code")).isEqualTo("RevisionNotFound");
        assertThat(anonymous.getStatus()).isEqualTo(401);
        assertThat(files.branches(model.repo).stream().map(b -> b.name() + b.commit().id().name()).toList())
                .isEqualTo(before);
    }

    /**
     * create_branch / delete_branch (hf_api.py; JS createBranch, deleteBranch) follow the push
     * rules: a member (write) creates branches, but neither overwrites nor deletes the default branch
     * nor a protected one; nothing moves on a refusal.
     */
    @Test
    void protectedBranchesKeepTheirRulesAgainstBranchWrites() throws Exception {
        Account member = accounts.create("hfmember");
        Organization org = organizations.create(owner.id(), new NewOrganization("hfo-" + UUID.randomUUID().toString()
                .substring(0, 6), null, null));
        organizations.setRole(org.id(), owner.id(), member.name(), Role.MEMBER);
        Repo repo = repos.create(owner, new NewRepo(RepoKind.MODEL, org.name(), "guarded", false));
        writes.commit(repo, owner, "main", null, "One", List.of(FileChange.put("a.txt", "1\n")));
        String first = tip(repo, "main");
        writes.commit(repo, owner, "main", null, "Two", List.of(FileChange.put("a.txt", "2\n")));
        String second = tip(repo, "main");
        protections.save(owner, repo, new ProtectionRule("release/*", 1, false, false, false, RepoPermission.MAINTAIN,
                RepoPermission.MAINTAIN));
        String memberToken = "Bearer " + accounts.token(member, TokenScope.WRITE);
        String ownerToken = "Bearer " + accounts.token(owner, TokenScope.WRITE);
        String base = "/api/models/" + repo.fullName();

        MockHttpServletResponse overwriteMain = call(post(base + "/branch/main").header("Authorization", memberToken)
                .contentType(MediaType.APPLICATION_JSON).content("{\"startingPoint\": \"" + first + "\", \"overwrite\": true}"));
        MockHttpServletResponse deleteMain = call(delete(base + "/branch/main").header("Authorization", memberToken));
        MockHttpServletResponse feature = call(post(URI.create(base + "/branch/feature%2Fnpu")).header("Authorization", memberToken)
                .contentType(MediaType.APPLICATION_JSON).content("{\"startingPoint\": \"" + first + "\"}"));
        MockHttpServletResponse release = call(post(URI.create(base + "/branch/release%2F1")).header("Authorization", ownerToken)
                .contentType(MediaType.APPLICATION_JSON).content("{}"));
        MockHttpServletResponse memberDeletesRelease = call(delete(URI.create(base + "/branch/release%2F1"))
                .header("Authorization", memberToken));
        MockHttpServletResponse ownerRewindsRelease = call(post(URI.create(base + "/branch/release%2F1"))
                .header("Authorization", ownerToken).contentType(MediaType.APPLICATION_JSON)
                .content("{\"startingPoint\": \"" + first + "\", \"overwrite\": true}"));

        assertThat(overwriteMain.getStatus()).isEqualTo(403);
        assertThat(overwriteMain.getHeader("X-Error-Message")).contains("protected");
        assertThat(deleteMain.getStatus()).isEqualTo(403);
        assertThat(tip(repo, "main")).isEqualTo(second);
        assertThat(feature.getStatus()).as(feature.getContentAsString()).isEqualTo(200);
        assertThat(tip(repo, "feature/npu")).isEqualTo(first);
        assertThat(release.getStatus()).isEqualTo(200);
        assertThat(memberDeletesRelease.getStatus()).isEqualTo(403);
        assertThat(ownerRewindsRelease.getStatus()).as("no force-push onto a protected branch").isEqualTo(403);
        assertThat(tip(repo, "release/1")).isEqualTo(second);
        assertThat(events.stream(RefsMoved.class)).anySatisfy(e -> assertThat(e.moved("refs/heads/feature/npu")).isTrue());
    }

    /**
     * _fetch_upload_modes (hf_api.py) reads uploadMode, shouldIgnore and oid per path; the JS
     * client sends the commit's own .gitattributes as {@code gitAttributes}.
     */
    @Test
    @SuppressWarnings("unchecked")
    void preuploadFollowsGitattributesGitignoreAndNamesCurrentOids() throws Exception {
        String text = Base64.getEncoder().encodeToString("plain text\n".getBytes(StandardCharsets.UTF_8));
        String body = "{\"files\": ["
                + "{\"path\": \"arrays/x.npy\", \"size\": 11, \"sample\": \"" + text + "\"},"
                + "{\"path\": \"notes.txt\", \"size\": 11, \"sample\": \"" + text + "\"},"
                + "{\"path\": \"run.log\", \"size\": 11, \"sample\": \"" + text + "\"},"
                + "{\"path\": \"config.json\", \"size\": 11, \"sample\": \"" + text + "\"},"
                + "{\"path\": \"model.safetensors\", \"size\": 11, \"sample\": \"" + text + "\"}]}";
        Map<String, Object> answer = object(call(post(api() + "/preupload/main")
                .header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(body)));
        Map<String, Map<String, Object>> byPath = new java.util.HashMap<>();
        ((List<Map<String, Object>>) answer.get("files")).forEach(f -> byPath.put((String) f.get("path"), f));

        assertThat(byPath.get("arrays/x.npy")).containsEntry("uploadMode", "lfs").containsEntry("shouldIgnore", false)
                .doesNotContainKey("oid");
        assertThat(byPath.get("notes.txt")).containsEntry("uploadMode", "regular");
        assertThat(byPath.get("run.log")).containsEntry("shouldIgnore", true);
        assertThat(byPath.get("config.json")).containsEntry("uploadMode", "regular").containsEntry("oid",
                files.entry(model.repo, files.resolve(model.repo, "main").orElseThrow(), "config.json")
                        .orElseThrow().id().name());
        assertThat(byPath.get("model.safetensors")).containsEntry("uploadMode", "lfs")
                .containsEntry("oid", model.weightsSha256);

        String withAttributes = "{\"gitAttributes\": \"*.txt filter=lfs diff=lfs merge=lfs -text\\n\", \"files\": ["
                + "{\"path\": \"notes.txt\", \"size\": 11, \"sample\": \"" + text + "\"},"
                + "{\"path\": \"arrays/x.npy\", \"size\": 11, \"sample\": \"" + text + "\"}]}";
        List<Map<String, Object>> sent = (List<Map<String, Object>>) object(call(post(api() + "/preupload/main")
                .header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .content(withAttributes))).get("files");
        assertThat(sent).extracting(f -> f.get("uploadMode")).containsExactly("lfs", "regular");
    }

    /**
     * list_models / listModels: author, filter (tags and license:), pipeline_tag, sort and
     * direction, expand[]; a private repository is listed only to who may read it.
     */
    @Test
    @SuppressWarnings("unchecked")
    void listingsFilterSortAndShowPrivateRepositoriesOnlyToReaders() throws Exception {
        Account lister = accounts.create("hflist");
        Repo older = repos.create(lister, new NewRepo(RepoKind.MODEL, null, "older", false));
        writes.commit(older, lister, "main", null, "Card", List.of(FileChange.put("README.md",
                "---\nlicense: mit\npipeline_tag: text-generation\ntags:\n- npu\n---\n")));
        Repo hidden = repos.create(lister, new NewRepo(RepoKind.MODEL, null, "hidden", true));
        writes.commit(hidden, lister, "main", null, "Card", List.of(FileChange.put("README.md",
                "---\nlicense: mit\npipeline_tag: text-generation\n---\n")));
        String listerToken = "Bearer " + accounts.token(lister, TokenScope.READ);

        List<Map<String, Object>> anonymous = list(call(get("/api/models?author=" + lister.name())));
        List<Map<String, Object>> asOwner = list(call(get("/api/models?author=" + lister.name()
                + "&sort=createdAt&direction=1").header("Authorization", listerToken)));
        List<Map<String, Object>> mitNpu = list(call(get("/api/models?author=" + lister.name()
                + "&filter=license:mit&filter=npu&pipeline_tag=text-generation&expand[]=pipeline_tag&expand[]=siblings")
                .header("Authorization", listerToken)));
        List<Map<String, Object>> apache = list(call(get("/api/models?author=" + lister.name()
                + "&filter=license:apache-2.0").header("Authorization", listerToken)));

        assertThat(anonymous).extracting(m -> m.get("id")).containsExactly(older.fullName());
        assertThat(asOwner).extracting(m -> m.get("id")).containsExactly(older.fullName(), hidden.fullName());
        assertThat(mitNpu).singleElement().satisfies(m -> {
            assertThat(m).containsEntry("id", older.fullName()).containsEntry("pipeline_tag", "text-generation")
                    .doesNotContainKey("likes");
            assertThat((List<Map<String, Object>>) m.get("siblings")).as("by name only, as the Hub lists them")
                    .containsExactly(Map.of("rfilename", "README.md"));
        });
        assertThat(apache).isEmpty();

        // A page that has a next one keeps array-style parameters in its Link (they were a 500 there).
        // The query string as the JS client sends it, brackets raw (Tomcat lets them through).
        String raw = "author=" + lister.name() + "&expand[]=siblings&limit=1";
        MockHttpServletResponse paged = call(get("/api/models").param("author", lister.name())
                .param("expand[]", "siblings").param("limit", "1").header("Authorization", listerToken)
                .with(request -> {
                    request.setQueryString(raw);
                    return request;
                }));
        assertThat(paged.getStatus()).isEqualTo(200);
        assertThat(paged.getHeader("Link")).contains("expand%5B%5D=siblings", "limit=1", "cursor=1")
                .endsWith("rel=\"next\"");
    }
}
