package dev.adapthub.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.git.lfs.LfsOid;
import dev.adapthub.git.lfs.LfsPointerFile;
import dev.adapthub.git.lfs.LfsStores;
import dev.adapthub.git.store.RepositoryStore;
import dev.adapthub.git.write.FileChange;
import dev.adapthub.web.support.FormSession;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.TestAccounts;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The speed paths of issue #15 through the real Tomcat (sendfile only exists there): LFS objects by
 * sendfile with ranges and conditional requests, through {@code /resolve} and the LFS batch link;
 * pages answering 304 to their own ETag, and a new ETag for another viewer or another commit; large
 * folders paged.
 */
@HubWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpeedPathsTest {

    static final int FOLDER_FILES = 2_500;

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired RepoService repos;
    @Autowired RepoWrites writes;
    @Autowired RepositoryStore store;

    final HttpClient http = HttpClient.newHttpClient();
    Account owner;
    Repo repo;
    byte[] weights;
    String sha256;

    @BeforeAll
    void createRepository() throws Exception {
        owner = accounts.create("speed");
        repo = repos.create(owner, new NewRepo(RepoKind.MODEL, null, "speedy", false));
        weights = new byte[300_000];   // above FileSender's sendfile threshold
        new Random(15).nextBytes(weights);
        sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(weights));
        LfsOid oid = new LfsOid(sha256);
        LfsStores.insideRepositories(store, 1 << 20).forRepository(repos.storageOf(repo))
                .put(oid, weights.length, new ByteArrayInputStream(weights));
        List<FileChange> files = new ArrayList<>();
        files.add(FileChange.put("README.md", "# Speedy\n\nFast *pages*.\n"));
        files.add(FileChange.put("weights.bin", new LfsPointerFile(oid, weights.length).format()));
        for (int i = 0; i < FOLDER_FILES; i++) {
            files.add(FileChange.put(String.format("many/f%05d.txt", i), "file " + i + "\n"));
        }
        writes.commit(repo, owner, "main", null, "Files", files);
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        return http.send(request(path, headers).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The administrator, signed in with the login form: a browser session with its cookie. */
    private HttpClient signIn() throws Exception {
        return FormSession.signIn(port, "admin", HubWebTest.ADMIN_PASSWORD);
    }

    private String base() {
        return "/" + repo.urlPath();
    }

    @Test
    void lfsObjectsComeWholeAndInRangesThroughResolveAndTheBatchLink() throws Exception {
        String batch = "{\"operation\":\"download\",\"transfers\":[\"basic\"],\"objects\":[{\"oid\":\"" + sha256
                + "\",\"size\":" + weights.length + "}]}";
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + base() + ".git/info/lfs/objects/batch"))
                .header("Accept", "application/vnd.git-lfs+json").header("Content-Type", "application/vnd.git-lfs+json")
                .POST(HttpRequest.BodyPublishers.ofString(batch)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher href = Pattern.compile("\"href\"\\s*:\\s*\"([^\"]+)\"").matcher(answer.body());
        assertThat(href.find()).as(answer.body()).isTrue();
        String link = URI.create(href.group(1)).getRawPath();

        for (String path : List.of(base() + "/resolve/main/weights.bin", link)) {
            HttpResponse<byte[]> whole = get(path);
            assertThat(whole.statusCode()).as(path).isEqualTo(200);
            assertThat(whole.body()).isEqualTo(weights);
            assertThat(whole.headers().firstValue("ETag")).hasValue("\"" + sha256 + "\"");
            assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");

            HttpResponse<byte[]> part = get(path, "Range", "bytes=100000-199999");
            assertThat(part.statusCode()).isEqualTo(206);
            assertThat(part.body()).isEqualTo(Arrays.copyOfRange(weights, 100_000, 200_000));
            assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 100000-199999/" + weights.length);

            HttpResponse<byte[]> tail = get(path, "Range", "bytes=-70000");
            assertThat(tail.statusCode()).isEqualTo(206);
            assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(weights, weights.length - 70_000, weights.length));

            assertThat(get(path, "Range", "bytes=400000-").statusCode()).isEqualTo(416);
            HttpResponse<byte[]> cached = get(path, "If-None-Match", "\"" + sha256 + "\"");
            assertThat(cached.statusCode()).isEqualTo(304);
            assertThat(cached.body()).isEmpty();
            // A Range whose If-Range names another version gets the whole current object.
            assertThat(get(path, "Range", "bytes=0-9", "If-Range", "\"other\"").body()).isEqualTo(weights);
        }
    }

    @Test
    void pagesAnswer304ToTheirOwnETagAndChangeItForAnotherViewerOrCommit() throws Exception {
        HttpClient signedIn = signIn();
        for (String path : List.of(base(), base() + "/tree/main", base() + "/blob/main/README.md")) {
            HttpResponse<byte[]> first = get(path);
            assertThat(first.statusCode()).as(path).isEqualTo(200);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertThat(first.headers().firstValue("Cache-Control")).hasValue("private, no-cache");

            HttpResponse<byte[]> again = get(path, "If-None-Match", etag);
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            assertThat(again.body()).isEmpty();

            HttpResponse<byte[]> asAdmin = signedIn.send(request(path, "If-None-Match", etag).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(asAdmin.statusCode()).as("another viewer, %s", path).isEqualTo(200);
            assertThat(new String(asAdmin.body())).contains("id=\"nav-user\"");
            assertThat(asAdmin.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
        }
        String etag = get(base()).headers().firstValue("ETag").orElseThrow();
        writes.commit(repo, owner, "main", null, "Change the README",
                List.of(FileChange.put("README.md", "# Speedy\n\nNew *text*.\n")));
        HttpResponse<byte[]> after = get(base(), "If-None-Match", etag);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(new String(after.body())).contains("<em>text</em>").doesNotContain("<em>pages</em>");
    }

    @Test
    void largeFoldersArePagedAThousandEntriesAtATime() throws Exception {
        String first = new String(get(base() + "/tree/main/many").body());
        String last = new String(get(base() + "/tree/main/many?page=2").body());
        String beyond = new String(get(base() + "/tree/main/many?page=9").body());

        assertThat(rows(first)).isEqualTo(1_000);
        assertThat(first).contains("f00000.txt", "f00999.txt").doesNotContain("f01000.txt")
                .contains("id=\"tree-next\"").doesNotContain("id=\"tree-previous\"");
        assertThat(rows(last)).isEqualTo(FOLDER_FILES - 2_000);
        assertThat(last).contains("f02000.txt", "f02499.txt").contains("id=\"tree-previous\"")
                .doesNotContain("id=\"tree-next\"");
        assertThat(rows(beyond)).isZero();
        assertThat(get(base() + "/tree/main/many?page=x").statusCode()).isEqualTo(400);
    }

    private static int rows(String page) {
        return page.split("<tr class=\"file\"", -1).length - 1;
    }
}
