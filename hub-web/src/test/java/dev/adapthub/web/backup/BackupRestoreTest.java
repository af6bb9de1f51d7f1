package dev.adapthub.web.backup;

import static dev.adapthub.web.support.SampleContent.INFERENCE_CONFIG;
import static dev.adapthub.web.support.SampleContent.MODEL_CONFIG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adapthub.core.backup.BackupCommand;
import dev.adapthub.core.testsupport.PostgresTestDatabase;
import dev.adapthub.web.support.ChildProcessLane;
import dev.adapthub.web.support.GitCli;
import dev.adapthub.web.support.HubApi;
import dev.adapthub.web.support.HubProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * {@code backup --to} while pushes and merges go on, {@code restore --from} onto a new data
 * directory and a new PostgreSQL database, and a hub started on the result. One hub process (with
 * scheduled backups every few seconds, keeping two) serves the whole class.
 */
@Execution(ExecutionMode.CONCURRENT) // the child-process lane: see ChildProcessLane
@ResourceLock(ChildProcessLane.LOCK)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackupRestoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PUSHERS = 3;

    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicInteger pushes = new AtomicInteger();
    private PostgresTestDatabase.Coordinates sourceDb;
    private HubProcess hub;
    private HubProcess restoredHub;
    private GitCli git;
    private Path work;
    private Path logs;
    private Path scheduled;
    private Path backup;
    private final List<String> repos = new ArrayList<>();
    private byte[] weights;

    @BeforeAll
    void hubWithContentAndWritersRunning() throws Exception {
        git = new GitCli();
        GitCli.requireOnPath("git-lfs");
        work = Files.createTempDirectory("adapthub-backup");
        logs = Files.createDirectories(Path.of("target", "backup-test").toAbsolutePath());
        scheduled = work.resolve("scheduled");
        sourceDb = PostgresTestDatabase.fresh();
        hub = new HubProcess(sourceDb, work.resolve("data"), logs);
        hub.start(Map.of("HUB_BACKUP_DIR", scheduled.toString(), "HUB_BACKUP_INTERVAL", "3s", "HUB_BACKUP_KEEP", "2"),
                Duration.ofSeconds(300));
        for (String name : List.of("backup-a", "backup-b")) {
            HubApi.call(hub, "POST", "/api/repos/create", Map.of("name", name), 200);
            repos.add(HubProcess.ADMIN + "/" + name);
        }
        seed(repos.get(0));
        seed(repos.get(1));
        weights = new byte[3 * 1024 * 1024];
        new Random(11).nextBytes(weights);
        pushLfs(repos.get(0));
        JsonNode pr = HubApi.call(hub, "POST", "/api/models/" + repos.get(1) + "/pulls", Map.of("title", "A config",
                "target", "integration", "files", List.of(Map.of("path", "adaptations/a100.yaml", "content", INFERENCE_CONFIG))), 201);
        HubApi.call(hub, "POST", "/api/models/" + repos.get(1) + "/pulls/" + pr.get("number").asLong() + "/merge",
                Map.of("method", "merge_commit"), 200);
        HubApi.call(hub, "POST", "/api/models/" + repos.get(1) + "/pulls", Map.of("title", "Stays open",
                "target", "integration", "files", List.of(Map.of("path", "adaptations/open.yaml", "content", INFERENCE_CONFIG))), 201);
    }

    @AfterAll
    void stopHubs() throws InterruptedException {
        stop.set(true);
        if (hub != null) {
            hub.stop();
        }
        if (restoredHub != null) {
            restoredHub.stop();
        }
    }

    @Test
    @Order(1)
    void aBackupTakenDuringWritesRestoresToAHubWithTheSameRefsAndRows() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(PUSHERS);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < PUSHERS; i++) {
            int pusher = i;
            running.add(writers.submit(() -> push(pusher)));
        }
        while (pushes.get() < PUSHERS) {
            Thread.sleep(100);
        }
        backup = work.resolve("backup");
        long started = System.nanoTime();
        HubProcess.CommandResult backedUp = HubProcess.command(sourceDb, work.resolve("data"), "backup", "--to",
                backup.toString());
        double backupSeconds = (System.nanoTime() - started) / 1e9;
        int pushesDuring = pushes.get();
        stop.set(true);
        for (Future<?> writer : running) {
            writer.get(120, TimeUnit.SECONDS);
        }
        writers.shutdown();
        assertThat(backedUp.exitCode()).as(backedUp.output()).isZero();
        assertThat(pushes.get()).as("pushes went on while the backup ran").isGreaterThan(pushesDuring - 1);

        JsonNode manifest = JSON.readTree(backup.resolve("manifest.json").toFile());
        Path empty = work.resolve("empty.git");
        git.ok(work, "init", "-q", "--bare", empty.toString());
        for (JsonNode repository : manifest.get("repositories")) {
            Path bundle = backup.resolve(repository.get("bundle").asText());
            // A bundle without prerequisites verifies in an empty repository: it holds every object its refs reach.
            assertThat(git.ok(empty, "bundle", "verify", bundle.toString()).output()).contains("is okay");
            Map<String, String> heads = new TreeMap<>();
            for (String line : git.ok(work, "bundle", "list-heads", bundle.toString()).stdout().split("\n")) {
                String[] parts = line.split(" ");
                heads.put(parts[1], parts[0]);
            }
            Map<String, String> recorded = new TreeMap<>();
            repository.get("refs").fields().forEachRemaining(e -> recorded.put(e.getKey(), e.getValue().asText()));
            assertThat(heads).as("the bundle's refs are the refs the manifest recorded").isEqualTo(recorded);
        }

        PostgresTestDatabase.Coordinates restoredDb = PostgresTestDatabase.fresh();
        Path restoredData = work.resolve("restored-data");
        started = System.nanoTime();
        HubProcess.CommandResult restored = HubProcess.command(restoredDb, restoredData, "restore", "--from",
                backup.toString());
        double restoreSeconds = (System.nanoTime() - started) / 1e9;
        assertThat(restored.exitCode()).as(restored.output()).isZero();

        // A backup of the restored hub (not started yet) holds the same rows and refs byte for byte.
        Path again = work.resolve("backup-of-restored");
        HubProcess.CommandResult second = HubProcess.command(restoredDb, restoredData, "backup", "--to", again.toString());
        assertThat(second.exitCode()).as(second.output()).isZero();
        JsonNode manifestAgain = JSON.readTree(again.resolve("manifest.json").toFile());
        assertThat(manifestAgain.get("repositories")).isEqualTo(manifest.get("repositories"));
        assertThat(manifestAgain.get("database").get("tables")).isEqualTo(manifest.get("database").get("tables"));
        for (JsonNode table : manifest.get("database").get("tables")) {
            String file = table.get("file").asText();
            assertThat(manifestAgain.get("files").get(file)).as("rows of %s", file).isEqualTo(manifest.get("files").get(file));
        }
        assertThat(rowCount(restoredDb, "pull_requests")).isGreaterThanOrEqualTo(2);

        restoredHub = new HubProcess(restoredDb, restoredData, logs);
        restoredHub.start(Map.of(), Duration.ofSeconds(300));
        assertPullRequestsAgreeWithRefs(restoredHub, repos.get(1));
        Path clone = work.resolve("restored-clone");
        git.ok(work, "clone", "-q", restoredHub.gitUrl(repos.get(0)), clone.toString());
        assertThat(Files.readAllBytes(clone.resolve("weights.safetensors"))).isEqualTo(weights);
        for (Path bare : HubApi.bareRepositories(restoredData)) {
            GitCli.Result fsck = git.run(bare, "fsck", "--strict", "--no-progress");
            assertThat(fsck.exitCode()).as("git fsck --strict of %s:\n%s", bare, fsck.output()).isZero();
        }
        System.out.printf("backup test: backup during %d pushes %.1f s (%d bytes), restore %.1f s%n",
                pushes.get(), backupSeconds, Files.walk(backup).filter(Files::isRegularFile).mapToLong(p -> p.toFile()
                        .length()).sum(), restoreSeconds);
    }

    @Test
    @Order(2)
    void scheduledBackupsRunWhileTheHubServesAndKeepTheNewestTwo() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (successfulScheduledBackups() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertThat(successfulScheduledBackups()).as("scheduled backups recorded (hub log %s)", hub.log())
                .isGreaterThanOrEqualTo(3);
        hub.stop();
        List<Path> kept;
        try (Stream<Path> entries = Files.list(scheduled)) {
            kept = entries.filter(p -> p.getFileName().toString().startsWith("adapthub-")).toList();
        }
        assertThat(kept).hasSize(2).allSatisfy(dir -> assertThat(dir.resolve("manifest.json")).isRegularFile());
    }

    @Test
    @Order(3)
    void badInputIsRefusedWithAClearErrorAndChangesNothing() throws Exception {
        PostgresTestDatabase.Coordinates empty = PostgresTestDatabase.fresh();
        Path target = work.resolve("never-written");

        Path notABackup = Files.createDirectories(work.resolve("not-a-backup"));
        Files.writeString(notABackup.resolve("notes.txt"), "hello\n");
        assertRefused(empty, target, notABackup, "is not an AdaptHub backup");

        Path damagedManifest = copyOf(backup, "damaged-manifest");
        Path manifest = damagedManifest.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"format\"", "\"formaT\""));
        assertRefused(empty, target, damagedManifest, "manifest of " + damagedManifest + " is damaged");

        Path damagedRows = copyOf(backup, "damaged-rows");
        Path rows = damagedRows.resolve("db/accounts.jsonl");
        Files.writeString(rows, Files.readString(rows).replace("admin", "admiN"));
        assertRefused(empty, target, damagedRows, "db/accounts.jsonl in " + damagedRows + " has SHA-256");

        Path notEmpty = Files.createDirectories(work.resolve("not-empty"));
        Files.writeString(notEmpty.resolve("keep.txt"), "mine\n");
        assertRefused(empty, notEmpty, backup, "is not empty");
        assertThat(Files.list(notEmpty).toList()).containsExactly(notEmpty.resolve("keep.txt"));

        long before = rowCount(sourceDb, "pull_requests");
        Map<String, String> env = env(sourceDb, target);
        Result result = run(env, "restore", "--from", backup.toString());
        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("is not empty").contains("Nothing was changed");
        assertThat(rowCount(sourceDb, "pull_requests")).isEqualTo(before);
        assertThat(target).doesNotExist();

        Result backupIntoBackup = run(env(sourceDb, work.resolve("data")), "backup", "--to", backup.toString());
        assertThat(backupIntoBackup.status()).isEqualTo(2);
        assertThat(backupIntoBackup.err()).contains("is not empty; name a new or empty directory");
        assertThat(run(env, "restore").status()).isEqualTo(2);
    }

    private void assertRefused(PostgresTestDatabase.Coordinates db, Path dataDir, Path from, String message)
            throws Exception {
        Result result = run(env(db, dataDir), "restore", "--from", from.toString());
        assertThat(result.status()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).contains(message);
        if (!dataDir.getFileName().toString().equals("not-empty")) {
            assertThat(dataDir).doesNotExist();
        }
        assertThat(tableCount(db)).as("tables in the target database").isZero();
    }

    private record Result(int status, String out, String err) {
    }

    private static Result run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = BackupCommand.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Map<String, String> env(PostgresTestDatabase.Coordinates db, Path dataDir) {
        return Map.of("HUB_DB_URL", db.url(), "HUB_DB_USER", db.user(), "HUB_DB_PASSWORD", db.password(),
                "HUB_DATA_DIR", dataDir.toString());
    }

    private Path copyOf(Path dir, String name) throws IOException {
        Path copy = work.resolve(name);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(dir.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return copy;
    }

    private void assertPullRequestsAgreeWithRefs(HubProcess on, String repo) throws Exception {
        Map<String, String> refs = HubApi.remoteRefs(git, work, on.gitUrl(repo));
        Path mirror = work.resolve("mirror-" + repo.replace('/', '-'));
        git.ok(work, "clone", "-q", "--mirror", on.gitUrl(repo), mirror.toString());
        JsonNode pulls = HubApi.call(on, "GET", "/api/models/" + repo + "/pulls?state=all", null, 200);
        assertThat(pulls.size()).isGreaterThanOrEqualTo(2);
        for (JsonNode summary : pulls) {
            JsonNode pr = HubApi.call(on, "GET", "/api/models/" + repo + "/pulls/" + summary.get("number").asLong(), null, 200);
            if (pr.get("state").asText().equals("merged")) {
                assertThat(git.run(mirror, "merge-base", "--is-ancestor", pr.get("mergeCommit").asText(),
                        "refs/heads/" + pr.get("target").asText()).ok()).as("merged PR %s", pr.get("number")).isTrue();
            } else {
                assertThat(refs.get("refs/pr/" + pr.get("number").asText())).as("open PR %s", pr.get("number"))
                        .isEqualTo(pr.get("head").asText());
            }
        }
    }

    private long successfulScheduledBackups() throws SQLException {
        try (Connection c = DriverManager.getConnection(sourceDb.url(), sourceDb.user(), sourceDb.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM backup_runs WHERE origin = 'scheduled' AND succeeded")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long rowCount(PostgresTestDatabase.Coordinates db, String table) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long tableCount(PostgresTestDatabase.Coordinates db) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
            rs.next();
            return rs.getLong(1);
        }
    }


    private void seed(String repo) throws Exception {
        Path seed = work.resolve("seed-" + repo.replace('/', '-'));
        git.ok(work, "clone", "-q", hub.gitUrl(repo), seed.toString());
        Files.writeString(seed.resolve("config.json"), MODEL_CONFIG);
        git.ok(seed, "add", "-A");
        git.ok(seed, "commit", "-q", "-m", "Seed");
        git.ok(seed, "push", "-q", hub.gitUrl(repo), "HEAD:refs/heads/main", "HEAD:refs/heads/integration");
    }

    private void pushLfs(String repo) throws Exception {
        git.ok(work, "lfs", "install", "--skip-repo");
        Path clone = work.resolve("seed-" + repo.replace('/', '-'));
        Files.write(clone.resolve("weights.safetensors"), weights);
        git.ok(clone, "lfs", "track", "*.safetensors");
        git.ok(clone, "add", ".gitattributes", "weights.safetensors");
        git.ok(clone, "commit", "-q", "-m", "Weights");
        git.ok(clone, "push", "-q", hub.gitUrl(repo), "HEAD:refs/heads/main");
    }

    private void push(int pusher) {
        String repo = repos.get(pusher % repos.size());
        Path clone = work.resolve("pusher-" + pusher);
        try {
            git.ok(work, "clone", "-q", hub.gitUrl(repo), clone.toString());
            for (int n = 0; !stop.get(); n++) {
                Files.writeString(clone.resolve("push-" + pusher + "-" + n + ".txt"), "write " + n + "\n");
                git.ok(clone, "add", "-A");
                git.ok(clone, "commit", "-q", "-m", "Push " + n);
                if (git.run(clone, "push", "-q", hub.gitUrl(repo), "HEAD:refs/heads/push-" + pusher).ok()) {
                    pushes.incrementAndGet();
                }
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("pusher " + pusher + " broke", e);
        }
    }

}
