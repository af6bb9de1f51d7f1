package dev.adapthub.git.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.adapthub.git.lfs.LfsObjectStore;
import dev.adapthub.git.lfs.LfsOid;
import dev.adapthub.git.lfs.LfsStores;
import dev.adapthub.git.receive.ReceiveSettings;
import dev.adapthub.git.refs.RefUpdater;
import dev.adapthub.git.store.RepoId;
import dev.adapthub.git.store.RepositoryStore;
import dev.adapthub.git.write.Commits;
import dev.adapthub.git.write.FileChange;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Git LFS through the hub's servlet: the stock git-lfs client, and hostile raw requests. */
class LfsOverHttpTest {
    static final String ALICE = "alice:alice-token";
    static final long LIMIT = 100L << 20;

    @TempDir
    static Path dir;
    static RepositoryStore store;
    static LfsStores lfs;
    static TestHub hub;
    static GitCli git;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        store = new RepositoryStore(dir.resolve("data"));
        lfs = LfsStores.insideRepositories(store, LIMIT);
        hub = new TestHub(dir, store);
        hub.mount("/git", GitServletFactory.createWithLfs(store, hub.lookup(), hub.receive(ReceiveSettings.DEFAULTS),
                lfs, hub.writeAccess(), "AdaptHub")).start();
        git = new GitCli(dir.resolve("home"));
        RepoId id = hub.createRepo("alice/lfs");
        try (Repository repo = store.open(id)) {
            new Commits(new RefUpdater()).commit(repo, "main", ObjectId.zeroId(), new PersonIdent("Hub", "hub@example.org"),
                    "Initial commit", List.of(FileChange.put("README.md", "# LFS\n")));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        hub.close();
        store.close();
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private static HttpResponse<String> send(String method, String path, String body, String credentials) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(hub.url("/git", "alice/lfs.git/info/lfs/" + path)))
                .header("Accept", "application/vnd.git-lfs+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/vnd.git-lfs+json");
        }
        if (credentials != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void gitLfsPushesAndClonesALargeFileByteIdentical() throws Exception {
        assumeTrue(GitCli.lfsInstalled(), "git-lfs is not installed at /usr/bin/git-lfs");
        Path work = Files.createTempDirectory(dir, "lfs");
        git.run(work, null, "lfs", "install", "--skip-repo").ok();
        git.run(work, ALICE, "clone", "-q", hub.url("/git", "alice/lfs.git"), "w").ok();
        Path clone = work.resolve("w");
        git.run(clone, null, "lfs", "install", "--local").ok();
        git.run(clone, null, "lfs", "track", "*.safetensors").ok();
        // -Dlfs.test.mib=50 repeats the hub's 50 MB acceptance size; the default keeps verify fast.
        int mib = Integer.getInteger("lfs.test.mib", 6);
        byte[] weights = new byte[mib << 20];
        new Random(7).nextBytes(weights);
        Files.write(clone.resolve("model.safetensors"), weights);
        git.run(clone, null, "add", ".gitattributes", "model.safetensors").ok();
        git.run(clone, null, "commit", "-q", "-m", "Add weights").ok();

        long started = System.nanoTime();
        git.run(clone, ALICE, "-c", "lfs.locksverify=false", "push", "-q", "origin", "main").ok();
        long pushMs = (System.nanoTime() - started) / 1_000_000;

        RepoId id = hub.names.get("alice/lfs");
        LfsObjectStore objects = lfs.forRepository(id);
        LfsOid oid = new LfsOid(sha256(weights));
        assertThat(objects.size(oid)).hasValue(weights.length);
        assertThat(store.directory(id).resolve("lfs/objects")).isDirectory();

        started = System.nanoTime();
        git.run(work, null, "clone", "-q", hub.url("/git", "alice/lfs.git"), "anon").ok();
        long cloneMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(Files.readAllBytes(work.resolve("anon/model.safetensors"))).isEqualTo(weights);
        System.out.printf("git-lfs %d MiB: push %d ms, anonymous clone with smudge %d ms%n", mib, pushMs, cloneMs);
    }

    @Test
    void malformedBatchRequestsGetLfsJsonErrors() throws Exception {
        HttpResponse<String> notJson = send("POST", "objects/batch", "{nope", null);
        assertThat(notJson.statusCode()).isEqualTo(422);
        assertThat(notJson.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/vnd.git-lfs+json"));
        assertThat(notJson.body()).startsWith("{\"message\":\"the batch request is not valid JSON");

        HttpResponse<String> badOperation = send("POST", "objects/batch", "{\"operation\":\"delete\",\"objects\":[]}", null);
        assertThat(badOperation.statusCode()).isEqualTo(422);
        assertThat(badOperation.body()).contains("operation must be");

        HttpResponse<String> perObject = send("POST", "objects/batch", """
                {"operation":"download","objects":[{"oid":"XYZ","size":1},
                 {"oid":"%s","size":-5},{"oid":"%s","size":3}]}""".formatted("a".repeat(64), "b".repeat(64)), null);
        assertThat(perObject.statusCode()).isEqualTo(200);
        assertThat(perObject.body()).contains("\"code\":422,\"message\":\"oid must be a SHA-256",
                "\"code\":422,\"message\":\"size must be", "\"code\":404,\"message\":\"object does not exist");
    }

    @Test
    void uploadsNeedWriteAccessAndVerifiedContent() throws Exception {
        byte[] content = "config bytes".getBytes(StandardCharsets.UTF_8);
        String oid = sha256(content);
        String batch = "{\"operation\":\"upload\",\"transfers\":[\"basic\"],\"objects\":[{\"oid\":\"" + oid
                + "\",\"size\":" + content.length + "}]}";

        HttpResponse<String> anonymous = send("POST", "objects/batch", batch, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("LFS-Authenticate")).isPresent();
        assertThat(send("POST", "objects/batch", batch, "bob:bob-token").statusCode()).isEqualTo(403);

        HttpResponse<String> ok = send("POST", "objects/batch", batch, ALICE);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"href\":\"http://127.0.0.1:", "/git/alice/lfs.git/info/lfs/objects/" + oid,
                "\"Authorization\":\"Basic ").doesNotContain("not:required");

        HttpResponse<String> tampered = send("PUT", "objects/" + oid, "config bytez", ALICE);
        assertThat(tampered.statusCode()).isEqualTo(422);
        assertThat(tampered.body()).contains("nothing was stored");
        assertThat(send("GET", "objects/" + oid, null, null).statusCode()).isEqualTo(404);
        assertThat(send("PUT", "objects/NOT-HEX", "x", ALICE).statusCode()).isEqualTo(422);

        assertThat(send("PUT", "objects/" + oid, "config bytes", ALICE).statusCode()).isEqualTo(200);
        assertThat(send("POST", "objects/verify", "{\"oid\":\"" + oid + "\",\"size\":12}", ALICE).statusCode()).isEqualTo(200);
        assertThat(send("POST", "objects/verify", "{\"oid\":\"" + oid + "\",\"size\":13}", ALICE).statusCode()).isEqualTo(422);
        HttpResponse<String> download = send("GET", "objects/" + oid, null, null);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo("config bytes");
        assertThat(send("POST", "objects/batch", batch, ALICE).body()).as("already stored: no actions")
                .doesNotContain("actions");
    }

    @Test
    void oversizedUploadsAndUnknownRepositoriesAreRefused() throws Exception {
        String big = "{\"operation\":\"upload\",\"objects\":[{\"oid\":\"" + "c".repeat(64) + "\",\"size\":" + (LIMIT + 1) + "}]}";
        assertThat(send("POST", "objects/batch", big, ALICE).body()).contains("\"code\":422", "exceeds the limit");
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create(hub.url("/git", "alice/none.git/info/lfs/objects/batch")))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(ALICE.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"message\":\"repository not found\"}");
        assertThat(send("POST", "locks/verify", "{}", ALICE).statusCode()).isEqualTo(404);
    }
}
