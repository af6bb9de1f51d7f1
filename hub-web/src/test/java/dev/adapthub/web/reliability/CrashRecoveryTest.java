package dev.adapthub.web.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adapthub.core.testsupport.PostgresTestDatabase;
import dev.adapthub.web.support.ChildProcessLane;
import dev.adapthub.web.support.GitCli;
import dev.adapthub.web.support.HubProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The hub survives {@code kill -9} in the middle of concurrent writes. A separate hub process
 * (its own fresh PostgreSQL database and data directory) takes pushes from the stock git client
 * and pull request merges through the REST API from four writers at once; every write the client
 * was told succeeded (push exit 0, merge 200) is recorded. Then the process is killed the hard way
 * mid-write and started again on the same database and data directory, and:
 * <ul>
 * <li>no acknowledged write is lost: every pushed commit is on its branch, every merge commit on
 *     the branch it merged into, every opened pull request's head on its {@code refs/pr/{n}};</li>
 * <li>{@code git fsck --full} finds every bare repository intact;</li>
 * <li>pull request rows agree with the refs: a merged one's merge commit is on its target, an open
 *     one's head is its {@code refs/pr/{n}}, an acknowledged merge is recorded as merged;</li>
 * <li>no lock left by the killed process blocks a later write: every branch written during the
 *     crash takes a new push, a new pull request merges, and a branch can be deleted.</li>
 * </ul>
 */
@Execution(ExecutionMode.CONCURRENT) // the child-process lane: see ChildProcessLane
@ResourceLock(ChildProcessLane.LOCK)
class CrashRecoveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final int PUSHERS = 2;
    private static final int MERGERS = 2;
    /** Kill once this many writes were acknowledged (or after {@link #MAX_WORKLOAD}), while more are in flight. */
    private static final int ACKS_BEFORE_KILL = 12;
    private static final Duration MAX_WORKLOAD = Duration.ofSeconds(25);

    /** A write the client was told succeeded: {@code sha} must be reachable from {@code ref}. */
    record Ack(String what, String ref, String sha, long pullRequest) {
    }

    private final Queue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private HubProcess hub;
    private GitCli git;
    private Path work;
    private String repo;

    @AfterEach
    void stopHub() throws InterruptedException {
        if (hub != null) {
            hub.stop();
        }
    }

    @Test
    void noAcknowledgedWriteIsLostWhenTheHubIsKilledMidWrite() throws Exception {
        git = new GitCli();
        work = Files.createTempDirectory("adapthub-crash");
        Path dataDir = work.resolve("data");
        Path logs = Files.createDirectories(Path.of("target", "crash-test").toAbsolutePath());
        hub = new HubProcess(PostgresTestDatabase.fresh(), dataDir, logs);
        long started = System.nanoTime();
        hub.start();
        long firstStart = System.nanoTime() - started;
        repo = HubProcess.ADMIN + "/crash-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode created = call("POST", "/api/repos/create", Map.of("name", repo.substring(repo.indexOf('/') + 1)),
                200);
        assertThat(created.get("name").asText()).isEqualTo(repo);
        seed();

        ExecutorService writers = Executors.newFixedThreadPool(PUSHERS + MERGERS);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < PUSHERS; i++) {
            int pusher = i;
            running.add(writers.submit(() -> push(pusher)));
        }
        for (int i = 0; i < MERGERS; i++) {
            int merger = i;
            running.add(writers.submit(() -> openAndMerge(merger)));
        }
        long deadline = System.nanoTime() + MAX_WORKLOAD.toNanos();
        while (acks.size() < ACKS_BEFORE_KILL && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        hub.kill();
        stop.set(true);
        for (Future<?> writer : running) {
            writer.get(150, TimeUnit.SECONDS);
        }
        writers.shutdown();
        List<Ack> acknowledged = List.copyOf(acks);
        assertThat(acknowledged).as("writes acknowledged before the kill").extracting(Ack::what)
                .contains("push", "merge");

        long restarted = System.nanoTime();
        hub.start();
        System.out.printf("crash test: killed the hub after %d acknowledged writes (%s); start %.1f s, restart %.1f s%n",
                acknowledged.size(), acknowledged.stream().collect(Collectors.groupingBy(Ack::what,
                        Collectors.counting())), firstStart / 1e9, (System.nanoTime() - restarted) / 1e9);
        Map<String, String> refs = remoteRefs();
        Path mirror = work.resolve("mirror.git");
        git.ok(work, "clone", "-q", "--mirror", hub.gitUrl(repo), mirror.toString());

        List<String> lost = new ArrayList<>();
        for (Ack ack : acknowledged) {
            if (!refs.containsKey(ack.ref()) || !git.run(mirror, "merge-base", "--is-ancestor", ack.sha(), ack.ref()).ok()) {
                lost.add(ack + " (the ref is at " + refs.get(ack.ref()) + ")");
            }
        }
        assertThat(lost).as("acknowledged writes lost by kill -9 (of %s; hub logs in %s)", acknowledged.size(),
                hub.log().getParent()).isEmpty();
        assertFsckClean(dataDir);
        assertPullRequestsAgreeWithRefs(acknowledged, refs, mirror);
        assertNoStaleLockBlocksWrites();
    }

    /** main, the merge target and one branch per pusher, each a clone of its own. */
    private void seed() throws Exception {
        Path seed = work.resolve("seed");
        // repos/create wrote the Hub's initial commit (.gitattributes) on main: the seed builds on it.
        git.ok(work, "clone", "-q", hub.gitUrl(repo), seed.toString());
        Files.writeString(seed.resolve("README.md"), "# Crash test\n");
        git.ok(seed, "add", "-A");
        git.ok(seed, "commit", "-q", "-m", "Seed");
        git.ok(seed, "push", "-q", hub.gitUrl(repo), "HEAD:refs/heads/main", "HEAD:refs/heads/integration");
        for (int i = 0; i < PUSHERS; i++) {
            git.ok(work, "clone", "-q", hub.gitUrl(repo), work.resolve("pusher-" + i).toString());
        }
    }

    private void push(int pusher) {
        Path clone = work.resolve("pusher-" + pusher);
        String ref = "refs/heads/push-" + pusher;
        try {
            for (int n = 0; !stop.get(); n++) {
                Files.writeString(clone.resolve("push-" + pusher + "-" + n + ".txt"), "write " + n + "\n");
                git.ok(clone, "add", "-A");
                git.ok(clone, "commit", "-q", "-m", "Push " + n);
                String sha = git.ok(clone, "rev-parse", "HEAD").stdout().strip();
                if (git.run(clone, "push", "-q", "origin", "HEAD:" + ref).ok()) {
                    acks.add(new Ack("push", ref, sha, 0));
                }
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("pusher " + pusher + " broke", e);
        }
    }

    private void openAndMerge(int merger) {
        for (int n = 0; !stop.get(); n++) {
            try {
                HttpResponse<String> opened = send("POST", "/api/models/" + repo + "/pulls", Map.of(
                        "title", "Merge " + merger + "-" + n, "target", "integration", "files", List.of(Map.of(
                                "path", "merge-" + merger + "/" + n + ".txt", "content", "merge " + n + "\n"))));
                if (opened.statusCode() != 201) {
                    continue;
                }
                JsonNode pr = JSON.readTree(opened.body());
                long number = pr.get("number").asLong();
                acks.add(new Ack("open", "refs/pr/" + number, pr.get("head").asText(), number));
                HttpResponse<String> merged = send("POST", "/api/models/" + repo + "/pulls/" + number + "/merge",
                        Map.of("method", "merge_commit"));
                if (merged.statusCode() == 200) {
                    acks.add(new Ack("merge", "refs/heads/integration",
                            JSON.readTree(merged.body()).get("mergeCommit").asText(), number));
                }
            } catch (IOException e) {
                pause(); // the hub is down: the write was not acknowledged
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void assertFsckClean(Path dataDir) throws Exception {
        List<Path> bare;
        try (Stream<Path> files = Files.walk(dataDir.resolve("git"), 6)) {
            bare = files.filter(dir -> Files.isRegularFile(dir.resolve("HEAD")) && Files.isDirectory(dir.resolve("objects")))
                    .toList();
        }
        assertThat(bare).as("bare repositories under %s", dataDir).isNotEmpty();
        for (Path repository : bare) {
            GitCli.Result fsck = git.run(repository, "fsck", "--full", "--no-progress");
            assertThat(fsck.exitCode()).as("git fsck --full of %s:\n%s", repository, fsck.output()).isZero();
            assertThat(fsck.output()).as("git fsck --full of %s", repository).doesNotContain("error", "missing", "broken");
        }
    }

    private void assertPullRequestsAgreeWithRefs(List<Ack> acknowledged, Map<String, String> refs, Path mirror)
            throws Exception {
        JsonNode pulls = call("GET", "/api/models/" + repo + "/pulls?state=all", null, 200);
        Map<Long, JsonNode> byNumber = new HashMap<>();
        for (JsonNode summary : pulls) {
            long number = summary.get("number").asLong();
            byNumber.put(number, call("GET", "/api/models/" + repo + "/pulls/" + number, null, 200));
        }
        for (Ack ack : acknowledged) {
            if (ack.pullRequest() > 0) {
                assertThat(byNumber).as("acknowledged pull request #%s", ack.pullRequest()).containsKey(ack.pullRequest());
            }
            if (ack.what().equals("merge")) {
                JsonNode pr = byNumber.get(ack.pullRequest());
                assertThat(pr.get("state").asText()).as("PR #%s after its merge was acknowledged", ack.pullRequest())
                        .isEqualTo("merged");
                assertThat(pr.get("mergeCommit").asText()).isEqualTo(ack.sha());
            }
        }
        for (JsonNode pr : byNumber.values()) {
            String number = pr.get("number").asText();
            switch (pr.get("state").asText()) {
                case "merged" -> assertThat(git.run(mirror, "merge-base", "--is-ancestor", pr.get("mergeCommit").asText(),
                        "refs/heads/" + pr.get("target").asText()).ok())
                        .as("merged PR #%s's merge commit is on %s", number, pr.get("target").asText()).isTrue();
                case "open" -> assertThat(refs.get("refs/pr/" + number)).as("open PR #%s's head", number)
                        .isEqualTo(pr.get("head").asText());
                default -> throw new AssertionError("PR #" + number + " is " + pr.get("state") + "; nothing closes PRs here");
            }
        }
    }

    private void assertNoStaleLockBlocksWrites() throws Exception {
        for (int i = 0; i < PUSHERS; i++) {
            Path clone = work.resolve("pusher-" + i);
            Files.writeString(clone.resolve("after-restart.txt"), "after\n");
            git.ok(clone, "add", "-A");
            git.ok(clone, "commit", "-q", "-m", "After the restart");
            git.ok(clone, "push", "-q", hub.gitUrl(repo), "HEAD:refs/heads/push-" + i);
        }
        JsonNode pr = call("POST", "/api/models/" + repo + "/pulls", Map.of("title", "After the restart",
                "target", "integration", "files", List.of(Map.of("path", "after-restart.txt", "content", "after\n"))),
                201);
        call("POST", "/api/models/" + repo + "/pulls/" + pr.get("number").asLong() + "/merge",
                Map.of("method", "merge_commit"), 200);
        git.ok(work.resolve("pusher-0"), "push", "-q", hub.gitUrl(repo), "--delete", "push-0");
        assertThat(remoteRefs()).doesNotContainKey("refs/heads/push-0");
    }

    private Map<String, String> remoteRefs() throws Exception {
        Map<String, String> refs = new HashMap<>();
        for (String line : git.ok(work, "ls-remote", hub.gitUrl(repo)).stdout().split("\n")) {
            String[] parts = line.split("\t");
            if (parts.length == 2) {
                refs.put(parts[1], parts[0]);
            }
        }
        return refs;
    }

    private JsonNode call(String method, String path, Object body, int expected) throws Exception {
        HttpResponse<String> response = send(method, path, body);
        assertThat(response.statusCode()).as("%s %s: %s (hub log %s)", method, path, response.body(), hub.log())
                .isEqualTo(expected);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub.baseUrl() + path))
                .timeout(Duration.ofSeconds(60)).header("Accept", "application/json")
                .header("Authorization", "Bearer " + HubProcess.ADMIN_TOKEN);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
