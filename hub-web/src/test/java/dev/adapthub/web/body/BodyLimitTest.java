package dev.adapthub.web.body;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.core.HubProperties;
import dev.adapthub.core.account.Account;
import dev.adapthub.core.pull.PullRequestService;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.core.token.TokenScope;
import dev.adapthub.git.write.FileChange;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.TestAccounts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every body is bounded before it is read, and the bound depends on whether the caller has
 * authenticated: through the real Tomcat, with declared lengths and chunked bodies. The first
 * test is the attack from issue 12: an anonymous pull-request body at a repository named
 * {@code commit}, which the old API filter let through whole.
 */
@HubWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class BodyLimitTest {

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired RepoService repos;
    @Autowired RepoWrites writes;
    @Autowired RepoFiles files;
    @Autowired HubProperties hub;
    @Autowired PullRequestService pulls;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private Account owner;
    private Repo repo;
    private String token;

    @BeforeAll
    void createRepository() {
        owner = accounts.create("bodies");
        token = accounts.token(owner, TokenScope.WRITE);
        repo = repos.create(owner, new NewRepo(RepoKind.MODEL, null, "commit", false));
        writes.commit(repo, owner, "main", null, "First", List.of(FileChange.put("README.md", "# Bodies\n")));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder post(String path, String contentType, HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Content-Type", contentType)
                .POST(body);
    }

    private static HttpRequest.BodyPublisher chunked(String prefix, String filler, long bytes) {
        return HttpRequest.BodyPublishers.ofInputStream(EndlessBody.of(prefix, filler, bytes));
    }

    private static HttpRequest.BodyPublisher declared(String prefix, char filler, int bytes) {
        return HttpRequest.BodyPublishers.ofByteArray((prefix + String.valueOf(filler).repeat(bytes - prefix.length()))
                .getBytes(StandardCharsets.UTF_8));
    }

    private static final String PULL = "{\"title\":\"t\",\"files\":[{\"path\":\"a.txt\",\"content\":\"";

    @Test
    void anAnonymousPullRequestBodyAtARepositoryNamedCommitIsCutOffAt64KiB(CapturedOutput output) throws Exception {
        String path = "/api/models/" + owner.name() + "/commit/pulls";

        HttpResponse<String> chunked = send(post(path, "application/json", chunked(PULL, "A", 40L << 20)));
        HttpResponse<String> declared = send(post(path, "application/json", declared(PULL, 'A', 40 << 20)));

        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
        assertThat(chunked.body()).contains("64 KiB without credentials").contains("Authenticate first")
                .contains("up to 2 MiB").contains("LFS");
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.headers().firstValue("X-Error-Message")).hasValueSatisfying(m -> assertThat(m)
                .contains("41943040 bytes").contains("at most 2 MiB (64 KiB without credentials)"));
        assertThat(output.getOut().lines().filter(l -> l.contains("413 POST " + path + " "))).hasSize(2);
        assertThat(pulls.list(repo, null, null, null)).isEmpty();
    }

    @Test
    void aSignedInCallerGetsTheRoutesLimitAndABodyWithinItIsReadAsBefore() throws Exception {
        String path = "/api/models/nobody/nothing/paths-info/main";
        String paths = "{\"paths\":[\"";

        HttpResponse<String> over = send(post(path, "application/json", chunked(paths, "p", 5L << 20))
                .header("Authorization", "Bearer " + token));
        HttpResponse<String> within = send(post(path, "application/json",
                HttpRequest.BodyPublishers.ofString(paths + "p".repeat(1 << 20) + "\"]}"))
                .header("Authorization", "Bearer " + token));
        HttpResponse<String> anonymousSmall = send(post(path, "application/json",
                HttpRequest.BodyPublishers.ofString(paths + "p".repeat(10_000) + "\"]}")));

        assertThat(over.statusCode()).isEqualTo(413);
        assertThat(over.body()).contains("at most 2 MiB.").doesNotContain("Authenticate first");
        assertThat(within.statusCode()).isEqualTo(404);
        assertThat(within.headers().firstValue("X-Error-Code")).hasValue("RepoNotFound");
        // Anonymous callers are not told whether a repository exists (401 RepoNotFound, as on the Hub).
        assertThat(anonymousSmall.statusCode()).isEqualTo(401);
        assertThat(anonymousSmall.headers().firstValue("X-Error-Code")).hasValue("RepoNotFound");
    }

    @Test
    void pageFormsFromAnonymousCallersAreBoundedAndMustDeclareTheirLength() throws Exception {
        HttpResponse<String> large = send(post("/login", "application/x-www-form-urlencoded",
                declared("username=a&password=", 'x', 100_000)).header("Accept", "text/html"));
        HttpResponse<String> chunked = send(post("/login", "application/x-www-form-urlencoded",
                chunked("username=a&password=", "x", 10_000)).header("Accept", "text/html"));

        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(large.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(large.body()).contains("100000 bytes").contains("64 KiB");
        assertThat(chunked.statusCode()).isEqualTo(411);
        assertThat(chunked.body()).contains("Content-Length");
    }

    @Test
    void anNdjsonCommitOverItsQuotaIsRefusedAndItsSpoolIsDeleted() throws Exception {
        String tip = tip();
        String path = "/api/models/" + owner.name() + "/commit/commit/main";
        String header = "{\"key\":\"header\",\"value\":{\"summary\":\"big\"}}\n"
                + "{\"key\":\"file\",\"value\":{\"path\":\"big.bin\",\"encoding\":\"base64\",\"content\":\"";

        HttpResponse<String> over = send(post(path, "application/x-ndjson", chunked(header, "QUFB", 65L << 20))
                .header("Authorization", "Bearer " + token));
        HttpResponse<String> bad = send(post(path, "application/x-ndjson",
                HttpRequest.BodyPublishers.ofString(header + "%%%\"}}\n")).header("Authorization", "Bearer " + token));
        HttpResponse<String> ok = send(post(path, "application/x-ndjson", HttpRequest.BodyPublishers.ofString(
                header.replace("big.bin", "small.bin") + "QUFB\"}}\n")).header("Authorization", "Bearer " + token));

        assertThat(over.statusCode()).as(over.body()).isEqualTo(413);
        assertThat(over.body()).contains("at most 64 MiB").contains("LFS");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("base64");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(files.readText(repo, files.resolve(repo, "main").orElseThrow(), "small.bin", 10)).contains("AAA");
        assertThat(tip()).isNotEqualTo(tip);
        Path spools = hub.dataDir().resolve("tmp").resolve("commits");
        try (Stream<Path> left = Files.exists(spools) ? Files.list(spools) : Stream.empty()) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aGzipBombSentToGitUploadPackIsBoundedAfterInflating() throws Exception {
        // 32 MiB of "have" lines inflate from a few hundred kilobytes; JGit would read them all.
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            byte[] line = ("0032have " + "1".repeat(40) + "\n").getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < (32 << 20) / line.length; i++) {
                gzip.write(line);
            }
        }
        HttpResponse<String> answer;
        try {
            answer = send(post("/" + owner.name() + "/commit.git/git-upload-pack",
                    "application/x-git-upload-pack-request", HttpRequest.BodyPublishers.ofByteArray(compressed.toByteArray()))
                    .header("Content-Encoding", "gzip"));
        } catch (IOException cutOff) {
            answer = null;
        }

        assertThat(compressed.size()).isLessThan(1 << 20);
        if (answer != null) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        }
    }

    private String tip() {
        return files.resolve(repo, "main").orElseThrow().commitId().name();
    }
}
