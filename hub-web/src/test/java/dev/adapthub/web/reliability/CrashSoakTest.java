package dev.adapthub.web.reliability;

import static dev.adapthub.web.support.SampleContent.INFERENCE_CONFIG;
import static dev.adapthub.web.support.SampleContent.MODEL_CONFIG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adapthub.core.testsupport.PostgresTestDatabase;
import dev.adapthub.web.support.ChildProcessLane;
import dev.adapthub.web.support.GitCli;
import dev.adapthub.web.support.HubApi;
import dev.adapthub.web.support.HubProcess;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Crash safety under load: a packaged hub on PostgreSQL takes 60 s of writes from eight stock git
 * clients (six pushing branches, two pushing to their pull requests' {@code refs/pr/{n}}, each
 * push changing an inference config so checks queue) and two API clients opening and merging pull
 * requests, plus a slow Git LFS upload. At a random moment (the seed is printed; rerun one with
 * {@code -Dcrash.seed=...}) the hub gets {@code kill -9}, is started again at once, and the writers
 * go on until the 60 s are over. Then:
 * <ul>
 * <li>every push git reported as successful, every acknowledged PR and merge, is there;</li>
 * <li>{@code git fsck --strict} finds every repository clean;</li>
 * <li>every PR row agrees with its refs (merged: merge commit on its target; open: {@code refs/pr/{n}}
 *     is the recorded head);</li>
 * <li>every queued check completes after the restart (those the killed process was running too);</li>
 * <li>the LFS object whose upload the kill cut is not served: absent from the store, the batch API
 *     asks for it again, a download is 404; uploaded again, it is served byte for byte.</li>
 * </ul>
 */
@Execution(ExecutionMode.CONCURRENT) // the child-process lane: see ChildProcessLane
@ResourceLock(ChildProcessLane.LOCK)
class CrashSoakTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration WORKLOAD = Duration.ofSeconds(60);
    private static final int BRANCH_PUSHERS = 6;
    private static final int PR_PUSHERS = 2;
    private static final int MERGERS = 2;
    private static final int LFS_BYTES = 12 * 1024 * 1024;
    /** Generous: on a loaded 2-core machine the restart shares the cores with the writers' git processes. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(600);

    record Ack(String what, String ref, String sha, long pullRequest) {
    }

    private final Queue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicLong uploaded = new AtomicLong();
    private HubProcess hub;
    private GitCli git;
    private Path work;
    private String repo;

    @AfterEach
    void stopHub() throws InterruptedException {
        stop.set(true);
        if (hub != null) {
            hub.stop();
        }
    }

    @Test
    void killNineDuringAMinuteOfPushesMergesAndAnLfsUploadLosesNothingAcknowledged() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        Random random = new Random(seed);
        long killAfter = 20_000 + random.nextInt(30_000);
        System.out.printf("crash soak: seed %d, kill -9 after %.1f s of the %d s workload%n", seed, killAfter / 1e3,
                WORKLOAD.toSeconds());
        git = new GitCli();
        work = Files.createTempDirectory("adapthub-soak");
        Path dataDir = work.resolve("data");
        PostgresTestDatabase.Coordinates db = PostgresTestDatabase.fresh();
        hub = new HubProcess(db, dataDir, Files.createDirectories(Path.of("target", "crash-soak").toAbsolutePath()));
        hub.start(Map.of(), START_TIMEOUT);
        repo = HubProcess.ADMIN + "/soak";
        HubApi.call(hub, "POST", "/api/repos/create", Map.of("name", "soak"), 200);
        seed();
        long[] prs = new long[PR_PUSHERS];
        for (int i = 0; i < PR_PUSHERS; i++) {
            prs[i] = openPullRequest("Pushed to " + i, "adaptations/pushed-" + i + ".yaml").get("number").asLong();
            git.ok(work.resolve("pr-" + i), "fetch", "-q", "origin", "refs/pr/" + prs[i]);
            git.ok(work.resolve("pr-" + i), "checkout", "-q", "FETCH_HEAD");
        }
        byte[] lfsObject = new byte[LFS_BYTES];
        random.nextBytes(lfsObject);
        String oid = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(lfsObject));

        ExecutorService writers = Executors.newFixedThreadPool(BRANCH_PUSHERS + PR_PUSHERS + MERGERS);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < BRANCH_PUSHERS; i++) {
            Path clone = work.resolve("pusher-" + i);
            String ref = "refs/heads/push-" + i;
            running.add(writers.submit(() -> push(clone, ref, "adaptations/branch.yaml")));
        }
        for (int i = 0; i < PR_PUSHERS; i++) {
            Path clone = work.resolve("pr-" + i);
            String ref = "refs/pr/" + prs[i];
            running.add(writers.submit(() -> push(clone, ref, "adaptations/pushed-" + ref.substring(8) + ".yaml")));
        }
        for (int i = 0; i < MERGERS; i++) {
            int merger = i;
            running.add(writers.submit(() -> openAndMerge(merger)));
        }
        long started = System.nanoTime();
        Thread.sleep(killAfter - 4_000);
        CompletableFuture<Integer> upload = CompletableFuture.supplyAsync(() -> slowUpload(oid, lfsObject));
        // The kill lands in the upload's body: once a MiB of it has gone out (at most 60 s later on a slow machine).
        long bodyDeadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (uploaded.get() < 1024 * 1024 && !upload.isDone() && System.nanoTime() < bodyDeadline) {
            Thread.sleep(50);
        }
        hub.kill();
        long cutAt = uploaded.get();
        long restartAt = System.nanoTime();
        hub.start(Map.of(), START_TIMEOUT);
        double restart = (System.nanoTime() - restartAt) / 1e9;
        long left = WORKLOAD.toNanos() - (System.nanoTime() - started);
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
        stop.set(true);
        for (Future<?> writer : running) {
            writer.get(150, TimeUnit.SECONDS);
        }
        writers.shutdown();
        Integer uploadStatus = upload.handle((status, error) -> error == null ? status : -1).get();
        List<Ack> acknowledged = List.copyOf(acks);
        System.out.printf("crash soak: %d acknowledged writes %s; restart %.1f s; LFS upload cut after %d of %d bytes%n",
                acknowledged.size(), acknowledged.stream().collect(Collectors.groupingBy(Ack::what, Collectors.counting())),
                restart, cutAt, LFS_BYTES);
        assertThat(uploadStatus).as("the LFS upload was still running at the kill").isEqualTo(-1);
        assertThat(cutAt).as("bytes of the LFS upload sent before the kill").isBetween(1024L * 1024, LFS_BYTES - 1L);
        assertThat(acknowledged).extracting(Ack::what).contains("push", "pr-push", "merge");

        Map<String, String> refs = HubApi.remoteRefs(git, work, hub.gitUrl(repo));
        Path mirror = work.resolve("mirror.git");
        git.ok(work, "clone", "-q", "--mirror", hub.gitUrl(repo), mirror.toString());
        List<String> lost = new ArrayList<>();
        for (Ack ack : acknowledged) {
            if (!refs.containsKey(ack.ref()) || !git.run(mirror, "merge-base", "--is-ancestor", ack.sha(), ack.ref()).ok()) {
                lost.add(ack + " (the ref is at " + refs.get(ack.ref()) + ")");
            }
        }
        assertThat(lost).as("acknowledged writes lost (seed %d, logs in %s)", seed, hub.log().getParent()).isEmpty();
        for (Path bare : HubApi.bareRepositories(dataDir)) {
            GitCli.Result fsck = git.run(bare, "fsck", "--strict", "--no-progress");
            assertThat(fsck.exitCode()).as("git fsck --strict of %s:\n%s", bare, fsck.output()).isZero();
            assertThat(fsck.output()).doesNotContain("error", "missing", "broken");
        }
        assertPullRequestsAgreeWithRefs(acknowledged, refs, mirror, seed);
        assertEveryCheckCompletes(db, seed);
        assertThePartialLfsObjectIsNotServed(dataDir, oid, lfsObject);
    }

    private void seed() throws Exception {
        Path seed = work.resolve("seed");
        git.ok(work, "clone", "-q", hub.gitUrl(repo), seed.toString());
        Files.writeString(seed.resolve("config.json"), MODEL_CONFIG);
        git.ok(seed, "add", "-A");
        git.ok(seed, "commit", "-q", "-m", "Seed");
        git.ok(seed, "push", "-q", hub.gitUrl(repo), "HEAD:refs/heads/main", "HEAD:refs/heads/integration");
        for (int i = 0; i < BRANCH_PUSHERS; i++) {
            git.ok(work, "clone", "-q", hub.gitUrl(repo), work.resolve("pusher-" + i).toString());
        }
        for (int i = 0; i < PR_PUSHERS; i++) {
            git.ok(work, "clone", "-q", hub.gitUrl(repo), work.resolve("pr-" + i).toString());
        }
    }

    /** Commits a changed config and pushes it to {@code ref}, again and again; records each push git reports done. */
    private void push(Path clone, String ref, String config) {
        try {
            for (int n = 0; !stop.get(); n++) {
                Files.createDirectories(clone.resolve("adaptations"));
                Files.writeString(clone.resolve(config), INFERENCE_CONFIG.replace("maxNumSeqs: 16", "maxNumSeqs: " + (16 + n % 48)));
                // Each pusher's own line: six clones of one seed committing the same tree in the same second would
                // make the same commit and send the same pack at once (see the report of issue 14 part 3).
                Files.writeString(clone.resolve("log.txt"), ref + " write " + n + "\n", StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                git.ok(clone, "add", "-A");
                git.ok(clone, "commit", "-q", "-m", "Push " + n + " to " + ref);
                String sha = git.ok(clone, "rev-parse", "HEAD").stdout().strip();
                if (git.run(clone, "push", "-q", hub.gitUrl(repo), "HEAD:" + ref).ok()) {
                    acks.add(new Ack(ref.startsWith("refs/pr/") ? "pr-push" : "push", ref, sha, 0));
                } else {
                    pause(); // mostly while the hub is down: leave the CPU to its restart
                }
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("pusher of " + ref + " broke", e);
        }
    }

    private void openAndMerge(int merger) {
        for (int n = 0; !stop.get(); n++) {
            try {
                HttpResponse<String> opened = HubApi.send(hub, "POST", "/api/models/" + repo + "/pulls", Map.of(
                        "title", "Merge " + merger + "-" + n, "target", "integration", "files", List.of(Map.of(
                                "path", "adaptations/merge-" + merger + "-" + n + ".yaml", "content", INFERENCE_CONFIG))));
                if (opened.statusCode() != 201) {
                    pause();
                    continue;
                }
                JsonNode pr = JSON.readTree(opened.body());
                long number = pr.get("number").asLong();
                acks.add(new Ack("open", "refs/pr/" + number, pr.get("head").asText(), number));
                HttpResponse<String> merged = HubApi.send(hub, "POST", "/api/models/" + repo + "/pulls/" + number + "/merge",
                        Map.of("method", "merge_commit"));
                if (merged.statusCode() == 200) {
                    acks.add(new Ack("merge", "refs/heads/integration",
                            JSON.readTree(merged.body()).get("mergeCommit").asText(), number));
                }
            } catch (IOException e) {
                pause(); // the hub is down: nothing was acknowledged
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** PUTs the object where the batch API says, slowly (about 1.5 MiB/s); the HTTP status, or -1 when cut. */
    private int slowUpload(String oid, byte[] content) {
        try {
            return put(batch("upload", oid, content.length), HttpRequest.BodyPublishers.fromPublisher(
                    HttpRequest.BodyPublishers.ofInputStream(() -> new SlowStream(content)), content.length));
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** PUTs {@code body} to the upload action of a batch answer's {@code object}; the HTTP status. */
    private static int put(JsonNode object, HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
        JsonNode action = object.get("actions").get("upload");
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(action.get("href").asText()))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/octet-stream").PUT(body);
        if (action.has("header")) {
            action.get("header").fields().forEachRemaining(h -> put.header(h.getKey(), h.getValue().asText()));
        }
        return HTTP.send(put.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private final class SlowStream extends InputStream {
        private final byte[] content;
        private int at;

        SlowStream(byte[] content) {
            this.content = content;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (at >= content.length) {
                return -1;
            }
            try {
                Thread.sleep(40);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int n = Math.min(Math.min(length, 64 * 1024), content.length - at);
            System.arraycopy(content, at, buffer, offset, n);
            at += n;
            uploaded.set(at);
            return n;
        }
    }

    private JsonNode batch(String operation, String oid, long size) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(hub.gitUrl(repo).replace(HubProcess.ADMIN + ":"
                        + HubProcess.ADMIN_TOKEN + "@", "") + "/info/lfs/objects/batch"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + HubProcess.ADMIN_TOKEN)
                .header("Content-Type", "application/vnd.git-lfs+json").header("Accept", "application/vnd.git-lfs+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"operation\":\"" + operation + "\",\"transfers\":[\"basic\"],"
                        + "\"objects\":[{\"oid\":\"" + oid + "\",\"size\":" + size + "}]}")).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("objects").get(0);
    }

    private void assertThePartialLfsObjectIsNotServed(Path dataDir, String oid, byte[] content) throws Exception {
        List<Path> stored;
        try (Stream<Path> files = Files.walk(dataDir.resolve("git"))) {
            stored = files.filter(p -> p.getFileName().toString().equals(oid)).toList();
        }
        for (Path object : stored) {
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(object))))
                    .as("an LFS object stored under its oid after the kill (%s)", object).isEqualTo(oid);
        }
        JsonNode upload = batch("upload", oid, content.length);
        assertThat(upload.has("actions") && upload.get("actions").has("upload"))
                .as("the batch API asks for the cut object again: %s", upload).isTrue();
        JsonNode download = batch("download", oid, content.length);
        assertThat(download.has("actions")).as("the cut object is not offered for download: %s", download).isFalse();

        int again = put(upload, HttpRequest.BodyPublishers.ofByteArray(content));
        assertThat(again).isEqualTo(200);
        JsonNode href = batch("download", oid, content.length).get("actions").get("download");
        HttpRequest.Builder get = HttpRequest.newBuilder(URI.create(href.get("href").asText())).timeout(Duration.ofSeconds(30));
        if (href.has("header")) {
            href.get("header").fields().forEachRemaining(h -> get.header(h.getKey(), h.getValue().asText()));
        }
        HttpResponse<byte[]> served = HTTP.send(get.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(content);
    }

    private void assertPullRequestsAgreeWithRefs(List<Ack> acknowledged, Map<String, String> refs, Path mirror, long seed)
            throws Exception {
        JsonNode pulls = HubApi.call(hub, "GET", "/api/models/" + repo + "/pulls?state=all", null, 200);
        Map<Long, JsonNode> byNumber = new HashMap<>();
        for (JsonNode summary : pulls) {
            long number = summary.get("number").asLong();
            byNumber.put(number, HubApi.call(hub, "GET", "/api/models/" + repo + "/pulls/" + number, null, 200));
        }
        for (Ack ack : acknowledged) {
            if (ack.pullRequest() > 0) {
                assertThat(byNumber).as("acknowledged PR #%s (seed %d)", ack.pullRequest(), seed).containsKey(ack.pullRequest());
            }
            if (ack.what().equals("merge")) {
                assertThat(byNumber.get(ack.pullRequest()).get("state").asText()).isEqualTo("merged");
            }
        }
        for (JsonNode pr : byNumber.values()) {
            String number = pr.get("number").asText();
            switch (pr.get("state").asText()) {
                case "merged" -> assertThat(git.run(mirror, "merge-base", "--is-ancestor", pr.get("mergeCommit").asText(),
                        "refs/heads/" + pr.get("target").asText()).ok())
                        .as("merged PR #%s's merge commit is on its target (seed %d)", number, seed).isTrue();
                case "open" -> assertThat(refs.get("refs/pr/" + number))
                        .as("open PR #%s: refs/pr/%s is its recorded head (seed %d)", number, number, seed)
                        .isEqualTo(pr.get("head").asText());
                default -> throw new AssertionError("PR #" + number + " is " + pr.get("state"));
            }
        }
    }

    /** Every check queued before or after the kill finishes, those the killed process had picked included. */
    private void assertEveryCheckCompletes(PostgresTestDatabase.Coordinates db, long seed) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        long pending;
        long total;
        do {
            try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(CASE WHEN status = 'PENDING' THEN 1 ELSE 0 END)"
                            + " FROM check_runs")) {
                rs.next();
                total = rs.getLong(1);
                pending = rs.getLong(2);
            }
            if (pending > 0) {
                Thread.sleep(500);
            }
        } while (pending > 0 && System.nanoTime() < deadline);
        assertThat(total).as("checks queued").isPositive();
        assertThat(pending).as("checks still pending long after the restart (seed %d, log %s)", seed, hub.log()).isZero();
    }



    private JsonNode openPullRequest(String title, String path) throws Exception {
        return HubApi.call(hub, "POST", "/api/models/" + repo + "/pulls", Map.of("title", title, "target", "integration",
                "files", List.of(Map.of("path", path, "content", INFERENCE_CONFIG))), 201);
    }



    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
