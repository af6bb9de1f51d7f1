package dev.adapthub.web.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import dev.adapthub.core.testsupport.PostgresTestDatabase;
import dev.adapthub.web.support.Browser;
import dev.adapthub.web.support.ChildProcessLane;
import dev.adapthub.web.support.GitCli;
import dev.adapthub.web.support.HubProcess;
import dev.adapthub.web.support.S3ProxyServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Two hub processes, A and B, on one PostgreSQL database and one data directory, as behind a
 * load balancer without sticky sessions (issue #14, docs/operations.md): whatever one process
 * writes, the other serves at once. A push through A is cloned through B; an LFS upload link A
 * hands out (a presigned link to the shared bucket) is verified and served through B; a browser session signed in on A works on B; a pull request opened on A
 * is reviewed and merged on B; B's matrix shows a config merged on A within 2 s; twenty merges
 * racing on both lose no commit. Each process is a separate JVM configured only by its
 * environment ({@link HubProcess}); {@link #environment} is where settings both need (object
 * storage, say) go. B honours {@code X-Forwarded-*} ({@code HUB_FORWARD_HEADERS=native}), A does
 * not (the default), which the last test tells apart by the sign-in throttle. The hubs start
 * together, as replicas do: both migrate and bootstrap the same empty database at once.
 */
@Execution(ExecutionMode.CONCURRENT) // the child-process lane: see ChildProcessLane
@ResourceLock(ChildProcessLane.LOCK)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoProcessClusterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String DEMO = "demo/repos/Qwen/Qwen2.5-0.5B-Instruct/";
    private static final String REVIEWER = "cluster-reviewer";
    private static final String REVIEWER_PASSWORD = "cluster-reviewer-password-42";
    private static final int RACING_PULLS = 10;

    @RegisterExtension
    final Browser browser = new Browser();

    private HubProcess a;
    private HubProcess b;
    private GitCli git;
    private Path work;
    private final String repo = HubProcess.ADMIN + "/cluster-model";
    /** The reviewer's write token, created through B's settings page with a session signed in on A. */
    private String reviewerToken;

    private static final String BUCKET = "cluster-lfs";
    /** The object store both processes share, as replicas share MinIO or S3 in production. */
    private S3ProxyServer s3;

    /** Environment both processes get on top of HubProcess's defaults: the shared bucket among it. */
    Map<String, String> environment() {
        return Map.of("HUB_CLUSTER_POLL_INTERVAL", "250ms", "HUB_LFS_S3_ENDPOINT", s3.endpoint(),
                "HUB_LFS_S3_BUCKET", BUCKET, "HUB_LFS_S3_REGION", "us-east-1",
                "HUB_LFS_S3_ACCESS_KEY", S3ProxyServer.ACCESS_KEY, "HUB_LFS_S3_SECRET_KEY", S3ProxyServer.SECRET_KEY,
                "HUB_LFS_S3_PATH_STYLE", "true");
    }

    @BeforeAll
    void startTwoHubs() throws Exception {
        s3 = S3ProxyServer.start(BUCKET);
        git = new GitCli();
        work = Files.createTempDirectory("adapthub-cluster");
        Path logs = Files.createDirectories(Path.of("target", "cluster-test").toAbsolutePath());
        PostgresTestDatabase.Coordinates database = PostgresTestDatabase.fresh();
        a = new HubProcess(database, work.resolve("data"), logs).named("hub-a");
        b = new HubProcess(database, work.resolve("data"), logs).named("hub-b").withEnv("HUB_FORWARD_HEADERS", "native");
        environment().forEach((name, value) -> {
            a.withEnv(name, value);
            b.withEnv(name, value);
        });
        // Two JVMs starting at once on a small machine take about twice as long as one.
        a.withStartTimeout(Duration.ofSeconds(300));
        b.withStartTimeout(Duration.ofSeconds(300));
        // Together, as replicas start: one migrates and creates the admin, the other waits or finds it.
        long started = System.nanoTime();
        ExecutorService starter = Executors.newFixedThreadPool(2);
        List<Future<Object>> starts = List.of(starter.submit(start(a)), starter.submit(start(b)));
        for (Future<Object> start : starts) {
            start.get();
        }
        starter.shutdown();
        System.out.printf("cluster test: both hubs up in %.1f s%n", (System.nanoTime() - started) / 1e9);
        JsonNode created = json(call(a, "POST", "/api/repos/create", Map.of("name", "cluster-model"), token(), 200));
        assertThat(created.get("name").asText()).isEqualTo(repo);
    }

    private static Callable<Object> start(HubProcess hub) {
        return () -> {
            hub.start();
            return hub;
        };
    }

    @AfterAll
    void stopHubs() throws InterruptedException {
        for (HubProcess hub : new HubProcess[] {a, b}) {
            if (hub != null) {
                hub.stop();
            }
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    @Order(1)
    void aPushThroughAIsClonedThroughBAtOnce() throws Exception {
        Path clone = work.resolve("seed");
        git.ok(work, "clone", "-q", a.gitUrl(repo), clone.toString());
        Files.createDirectories(clone.resolve("adaptations"));
        for (String file : List.of("README.md", "config.json", "adaptations/ascend-310p-mindie.yaml")) {
            Files.writeString(clone.resolve(file), demo(file));
        }
        git.ok(clone, "add", "-A");
        git.ok(clone, "commit", "-q", "-m", "Qwen2.5-0.5B with its MindIE config");
        String pushed = git.ok(clone, "rev-parse", "HEAD").stdout().strip();
        git.ok(clone, "push", "-q", "origin", "HEAD:refs/heads/main", "HEAD:refs/heads/integration");

        Path fromB = work.resolve("from-b");
        git.ok(work, "clone", "-q", b.gitUrl(repo), fromB.toString());
        assertThat(git.ok(fromB, "rev-parse", "HEAD").stdout().strip()).as("B's main right after A took the push")
                .isEqualTo(pushed);
        assertThat(fromB.resolve("adaptations/ascend-310p-mindie.yaml")).exists();
    }

    /**
     * LFS objects live in the one bucket both processes use: bytes uploaded through the presigned link
     * A hands out are verified through B (the hub reads them back and checks size and SHA-256), and B's
     * download link serves them. A verify through B of bytes that were never uploaded is refused.
     */
    @Test
    @Order(2)
    void anLfsObjectUploadedThroughAIsVerifiedAndServedThroughB() throws Exception {
        byte[] content = ("weights " + System.nanoTime() + "\n").repeat(64).getBytes(StandardCharsets.UTF_8);
        String oid = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(content));

        JsonNode upload = json(lfsBatch(a, "upload", oid, content.length)).at("/objects/0/actions");
        String put = upload.at("/upload/href").asText();
        assertThat(put).as("a presigned link to the bucket, not to the hub").startsWith(s3.endpoint());
        assertThat(send(a, HttpRequest.newBuilder(URI.create(put)).PUT(HttpRequest.BodyPublishers.ofByteArray(content)))
                .statusCode()).isEqualTo(200);
        String verifyOnB = b.baseUrl() + upload.at("/verify/href").asText().substring(a.baseUrl().length());
        HttpResponse<String> verified = send(b, HttpRequest.newBuilder(URI.create(verifyOnB))
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/vnd.git-lfs+json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("oid", oid,
                        "size", content.length)))));
        assertThat(verified.statusCode()).as("B verifies what went to the bucket through A's link: %s", verified.body())
                .isEqualTo(200);

        String get = json(lfsBatch(b, "download", oid, content.length)).at("/objects/0/actions/download/href").asText();
        assertThat(get).startsWith(s3.endpoint());
        HttpResponse<byte[]> downloaded = HTTP.send(HttpRequest.newBuilder(URI.create(get)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(downloaded.body()).as("served through B's link").isEqualTo(content);

        String missing = "0".repeat(63) + "1";
        HttpResponse<String> refused = send(b, HttpRequest.newBuilder(URI.create(b.baseUrl() + "/" + repo
                + ".git/info/lfs/objects/verify")).header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/vnd.git-lfs+json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("oid", missing, "size", 5)))));
        assertThat(refused.statusCode()).isBetween(400, 499);
    }

    private HttpResponse<String> lfsBatch(HubProcess hub, String operation, String oid, long size) throws Exception {
        HttpResponse<String> batch = send(hub, HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/" + repo
                + ".git/info/lfs/objects/batch")).header("Authorization", "Bearer " + token())
                .header("Accept", "application/vnd.git-lfs+json").header("Content-Type", "application/vnd.git-lfs+json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("operation", operation,
                        "transfers", List.of("basic"), "objects", List.of(Map.of("oid", oid, "size", size)))))));
        assertThat(batch.statusCode()).as(batch.body()).isEqualTo(200);
        return batch;
    }

    /**
     * The browser signs up and signs in on A, then opens B's settings: the session cookie (one host,
     * so Chromium sends it to both ports) names a session B finds in the database. A token created
     * on B's page is the reviewer's API key for the next tests. Then a plain HTTP client carries
     * the same cookie: a form rendered by A (its CSRF token in the shared session) is accepted by
     * B, and the flash message B stores is shown by A after the redirect.
     */
    @Test
    @Order(3)
    void aSessionSignedInOnAWorksOnB() throws Exception {
        Page page = browser.open();
        page.navigate(a.baseUrl() + "/register");
        page.fill("#name", REVIEWER);
        page.fill("#email", REVIEWER + "@example.test");
        page.fill("#password", REVIEWER_PASSWORD);
        page.click("form[action$='/register'] button[type=submit]");
        page.waitForURL("**/login?registered");
        page.fill("#username", REVIEWER);
        page.fill("#password", REVIEWER_PASSWORD);
        page.click("form[action$='/login'] button[type=submit]");
        page.waitForURL(a.baseUrl() + "/");

        page.navigate(b.baseUrl() + "/settings/tokens");
        assertThat(page.url()).as("B knows the session A signed in").isEqualTo(b.baseUrl() + "/settings/tokens");
        page.fill("#token-name", "cluster");
        page.selectOption("#token-scope", "write");
        page.click("#create-token");
        reviewerToken = page.textContent("#token-secret").strip();
        assertThat(reviewerToken).isNotBlank();
        JsonNode whoami = json(call(a, "GET", "/api/whoami-v2", null, reviewerToken, 200));
        assertThat(whoami.get("name").asText()).isEqualTo(REVIEWER);

        String session = page.context().cookies(a.baseUrl()).stream().filter(c -> c.name.equals("JSESSIONID"))
                .map((Cookie c) -> c.value).findFirst().orElseThrow(() -> new AssertionError("no JSESSIONID cookie"));
        HttpResponse<String> form = send(a, HttpRequest.newBuilder(URI.create(a.baseUrl() + "/settings/tokens"))
                .header("Cookie", "JSESSIONID=" + session).GET());
        assertThat(form.statusCode()).isEqualTo(200);
        HttpResponse<String> posted = send(b, HttpRequest.newBuilder(URI.create(b.baseUrl() + "/settings/tokens"))
                .header("Cookie", "JSESSIONID=" + session).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=second&scope=read&expiresInDays=&_csrf="
                        + csrf(form.body()))));
        assertThat(posted.statusCode()).as("B accepts A's CSRF token: %s", posted.body()).isEqualTo(302);
        HttpResponse<String> shown = send(a, HttpRequest.newBuilder(URI.create(a.baseUrl() + "/settings/tokens"))
                .header("Cookie", "JSESSIONID=" + session).GET());
        assertThat(shown.body()).as("the secret B put in the session, shown by A").contains("id=\"token-secret\"");
    }

    /** The reviewer proposes on A; the admin approves on B and merges on B, once the check on A's proposal passed. */
    @Test
    @Order(4)
    void aPullRequestOpenedOnAIsReviewedAndMergedOnB() throws Exception {
        // A's lists, read (and kept) before the merge on B, must not outlive it.
        listed(a, "merged");
        long number = propose(a, "adaptations/kunpeng-920-llama.cpp.yaml");
        assertThat(seconds(() -> listed(b, "open").contains(number))).as("seconds until B listed it open")
                .isLessThanOrEqualTo(2.0);
        listed(a, "open");
        approveAndMerge(b, number);
        JsonNode merged = json(call(a, "GET", pulls() + "/" + number, null, token(), 200));
        assertThat(merged.get("state").asText()).isEqualTo("merged");
        assertThat(merged.get("mergedBy").asText()).isEqualTo(HubProcess.ADMIN);
        assertThat(seconds(() -> listed(a, "merged").contains(number) && !listed(a, "open").contains(number)))
                .as("seconds until A listed it merged").isLessThanOrEqualTo(2.0);
    }

    private List<Long> listed(HubProcess on, String state) throws Exception {
        List<Long> numbers = new ArrayList<>();
        json(call(on, "GET", pulls() + "?state=" + state, null, null, 200)).forEach(pr -> numbers.add(pr.get("number").asLong()));
        return numbers;
    }

    /** Seconds until {@code shown} holds (polled every 50 ms, at most 10 s). */
    private static double seconds(Callable<Boolean> shown) throws Exception {
        long from = System.nanoTime();
        while (!shown.call() && System.nanoTime() - from < Duration.ofSeconds(10).toNanos()) {
            Thread.sleep(50);
        }
        return (System.nanoTime() - from) / 1e9;
    }

    /**
     * B's matrix (page and JSON) is rendered and cached before the merge; a config merged on A
     * must show on B within 2 s of A showing it (without the shared generation B would keep its
     * copy for up to 10 s, the matrix's maximum age).
     */
    @Test
    @Order(5)
    void theMatrixOnBShowsAConfigMergedOnAWithinTwoSeconds() throws Exception {
        long number = propose(b, "adaptations/nvidia-rtx-3090-vllm.yaml");
        assertThat(matrixShows(b, "nvidia-rtx-3090")).isFalse();
        assertThat(send(b, HttpRequest.newBuilder(URI.create(b.baseUrl() + "/matrix")).GET()).body())
                .doesNotContain("nvidia-rtx-3090-vllm.yaml");
        approveAndMerge(a, number);

        long mergedAt = System.nanoTime();
        long seenOnA = 0;
        long seenOnB = 0;
        while ((seenOnA == 0 || seenOnB == 0) && System.nanoTime() - mergedAt < Duration.ofSeconds(60).toNanos()) {
            if (seenOnA == 0 && matrixShows(a, "nvidia-rtx-3090")) {
                seenOnA = System.nanoTime();
            }
            if (seenOnB == 0 && matrixShows(b, "nvidia-rtx-3090")
                    && send(b, HttpRequest.newBuilder(URI.create(b.baseUrl() + "/matrix")).GET()).body()
                            .contains("nvidia-rtx-3090-vllm.yaml")) {
                seenOnB = System.nanoTime();
            }
            Thread.sleep(50);
        }
        assertThat(seenOnA).as("A's matrix shows the merged config (validated in the background)").isPositive();
        assertThat(seenOnB).as("B's matrix shows it").isPositive();
        double lag = (seenOnB - seenOnA) / 1e9;
        System.out.printf("cluster test: merged on A, in A's matrix after %.2f s, in B's %.2f s later%n",
                (seenOnA - mergedAt) / 1e9, lag);
        assertThat(lag).as("seconds B lagged behind A").isLessThanOrEqualTo(2.0);
    }

    /**
     * Ten pull requests into {@code integration}, each merged twice at the same moment, once
     * through A and once through B: twenty racing merges. Each merges exactly once (200), the other
     * attempt is refused with 409, and {@code integration} holds every pull request's commit.
     */
    /**
     * B keeps repository rows in memory (RepoRows); a repository made private through A must vanish
     * from B's anonymous answers within B's next read of the cache generations (500 ms), never later.
     */
    @Test
    @Order(6)
    void aRepositoryMadePrivateOnAIsHiddenOnBWithinTwoSeconds() throws Exception {
        String hidden = HubProcess.ADMIN + "/cluster-soon-private";
        call(a, "POST", "/api/repos/create", Map.of("name", "cluster-soon-private"), token(), 200);
        call(b, "GET", "/api/models/" + hidden, null, null, 200);
        assertThat(send(b, HttpRequest.newBuilder(URI.create(b.baseUrl() + "/" + hidden)).GET()).statusCode())
                .as("B's page of the public repository").isEqualTo(200);

        call(a, "PUT", "/api/models/" + hidden + "/settings", Map.of("private", true), token(), 200);
        long changedAt = System.nanoTime();
        int api = 200;
        int page = 200;
        // The API tells an anonymous caller to sign in (401), as Hugging Face does; the page says not found.
        while ((api != 401 || page != 404) && System.nanoTime() - changedAt < Duration.ofSeconds(10).toNanos()) {
            Thread.sleep(50);
            api = send(b, HttpRequest.newBuilder(URI.create(b.baseUrl() + "/api/models/" + hidden)).GET()).statusCode();
            page = send(b, HttpRequest.newBuilder(URI.create(b.baseUrl() + "/" + hidden)).GET()).statusCode();
        }
        double seconds = (System.nanoTime() - changedAt) / 1e9;
        System.out.printf("cluster test: made private on A, hidden on B after %.2f s%n", seconds);
        assertThat(List.of(api, page)).as("B's anonymous API and page answers").containsExactly(401, 404);
        assertThat(seconds).as("seconds until B hid it").isLessThanOrEqualTo(2.0);
        call(b, "GET", "/api/models/" + hidden, null, token(), 200);
    }

    @Test
    @Order(7)
    void racingMergesOnBothProcessesLoseNoCommit() throws Exception {
        List<Long> numbers = new ArrayList<>();
        List<String> heads = new ArrayList<>();
        for (int i = 0; i < RACING_PULLS; i++) {
            JsonNode pr = json(call(i % 2 == 0 ? a : b, "POST", pulls(), Map.of("title", "Race " + i, "target",
                    "integration", "files", List.of(Map.of("path", "race/" + i + ".txt", "content", "race " + i + "\n"))),
                    token(), 201));
            numbers.add(pr.get("number").asLong());
            heads.add(pr.get("head").asText());
        }
        ExecutorService mergers = Executors.newFixedThreadPool(2 * RACING_PULLS);
        CountDownLatch ready = new CountDownLatch(2 * RACING_PULLS);
        List<Future<int[]>> results = new ArrayList<>();
        for (long number : numbers) {
            for (HubProcess hub : List.of(a, b)) {
                results.add(mergers.submit(() -> {
                    ready.countDown();
                    ready.await();
                    HttpResponse<String> merged = call(hub, "POST", pulls() + "/" + number + "/merge",
                            Map.of("method", "merge_commit"), token(), -1);
                    return new int[] {(int) number, merged.statusCode()};
                }));
            }
        }
        Map<Long, List<Integer>> statuses = new java.util.TreeMap<>();
        for (Future<int[]> result : results) {
            int[] r = result.get();
            statuses.computeIfAbsent((long) r[0], k -> new ArrayList<>()).add(r[1]);
        }
        mergers.shutdown();
        assertThat(statuses).as("per pull request: one merge, one 409").allSatisfy((number, codes) ->
                assertThat(codes).containsExactlyInAnyOrder(200, 409));

        Path mirror = work.resolve("race.git");
        git.ok(work, "clone", "-q", "--mirror", b.gitUrl(repo), mirror.toString());
        for (String head : heads) {
            assertThat(git.run(mirror, "merge-base", "--is-ancestor", head, "refs/heads/integration").ok())
                    .as("commit %s on integration", head).isTrue();
        }
        for (long number : numbers) {
            JsonNode pr = json(call(a, "GET", pulls() + "/" + number, null, token(), 200));
            assertThat(pr.get("state").asText()).isEqualTo("merged");
            assertThat(git.run(mirror, "merge-base", "--is-ancestor", pr.get("mergeCommit").asText(),
                    "refs/heads/integration").ok()).as("merge commit of #%s on integration", number).isTrue();
        }
    }

    /**
     * The sign-in throttle counts per client address (20 in 15 minutes). A ignores X-Forwarded-For:
     * failed sign-ins claiming 21 different forwarded addresses all count for 127.0.0.1, and one is
     * refused with 429. B takes the address from the header: with 127.0.0.1's allowance used up,
     * its failed sign-ins from forwarded addresses are still answered (redirect to the form), not
     * throttled. Last in the class, since it uses up 127.0.0.1's allowance.
     */
    @Test
    @Order(8)
    void forwardedAddressesCountOnlyWhereConfigured() throws Exception {
        assertThat(failedSignIns(a, 21)).as("statuses on A, which ignores X-Forwarded-For").contains(429);
        assertThat(failedSignIns(b, 3)).as("statuses on B, which honours it").containsOnly(302);
    }

    /** Failed sign-ins from made-up forwarded addresses, each for another unknown name; stops at the first 429. */
    private List<Integer> failedSignIns(HubProcess hub, int attempts) throws Exception {
        HttpResponse<String> login = send(hub, HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/login")).GET());
        String session = login.headers().firstValue("Set-Cookie").map(c -> c.substring(0, c.indexOf(';')))
                .orElseThrow(() -> new AssertionError("no session for the sign-in form"));
        String csrf = csrf(login.body());
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < attempts && !statuses.contains(429); i++) {
            statuses.add(send(hub, HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/login"))
                    .header("Cookie", session).header("X-Forwarded-For", "198.51.100." + (i + 1))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=nobody-" + hub.port() + "-" + i
                            + "&password=wrong-password-123&_csrf=" + csrf))).statusCode());
        }
        return statuses;
    }

    private long propose(HubProcess on, String file) throws Exception {
        JsonNode pr = json(call(on, "POST", pulls(), Map.of("title", "Add " + file, "files",
                List.of(Map.of("path", file, "content", demo(file)))), reviewerToken, 201));
        return pr.get("number").asLong();
    }

    /** Approves as the admin and merges, once the gate passes (the config's check runs in the background). */
    private void approveAndMerge(HubProcess on, long number) throws Exception {
        call(on, "POST", pulls() + "/" + number + "/reviews", Map.of("verdict", "approve", "body", "Looks right."),
                token(), 201);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode details = json(call(on, "GET", pulls() + "/" + number, null, token(), 200));
        while (!details.get("mergeable").asBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            details = json(call(on, "GET", pulls() + "/" + number, null, token(), 200));
        }
        assertThat(details.get("mergeable").asBoolean()).as("gate of #%s: %s", number, details.get("gate")).isTrue();
        call(on, "POST", pulls() + "/" + number + "/merge", Map.of("method", "merge_commit"), token(), 200);
    }

    private boolean matrixShows(HubProcess hub, String chip) throws Exception {
        JsonNode matrix = json(call(hub, "GET", "/api/matrix", null, null, 200));
        for (JsonNode model : matrix.get("models")) {
            if (model.get("model").asText().equals(repo) && model.get("cells").has(chip)) {
                return true;
            }
        }
        return false;
    }

    private String pulls() {
        return "/api/models/" + repo + "/pulls";
    }

    private static String token() {
        return HubProcess.ADMIN_TOKEN;
    }

    private static String demo(String file) throws IOException {
        try (InputStream in = TwoProcessClusterTest.class.getClassLoader().getResourceAsStream(DEMO + file)) {
            assertThat(in).as("demo file %s", file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a CSRF field in the page").isTrue();
        return m.group(1);
    }

    /** Sends a JSON call; {@code expected} -1 accepts any status. */
    private static HttpResponse<String> call(HubProcess hub, String method, String path, Object body, String token,
            int expected) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub.baseUrl() + path))
                .timeout(Duration.ofSeconds(60)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = send(hub, request);
        if (expected != -1) {
            assertThat(response.statusCode()).as("%s %s on %s: %s", method, path, hub.baseUrl(), response.body())
                    .isEqualTo(expected);
        }
        return response;
    }

    private static HttpResponse<String> send(HubProcess hub, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IOException(e.getMessage() + "; hub log " + hub.log() + ":\n" + hub.tail(), e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
