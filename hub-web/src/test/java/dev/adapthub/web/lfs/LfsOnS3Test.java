package dev.adapthub.web.lfs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.lfs.LfsToS3Migration;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoGate;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.RepoSettings;
import dev.adapthub.core.repo.RepoSettingsService;
import dev.adapthub.core.token.TokenScope;
import dev.adapthub.git.lfs.LfsOid;
import dev.adapthub.git.lfs.LfsPointerFile;
import dev.adapthub.git.lfs.LfsStores;
import dev.adapthub.git.store.RepositoryStore;
import dev.adapthub.web.hf.HfJsClient;
import dev.adapthub.web.support.GitCli;
import dev.adapthub.web.support.HubPage;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.S3ProxyServer;
import dev.adapthub.web.support.TestAccounts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Git LFS objects in an S3-compatible bucket (a real S3Proxy): git-lfs pushes and pulls 256 MiB
 * with the bytes going straight between git-lfs and the bucket through presigned links;
 * {@code /resolve} answers 302 with the Hugging Face headers; the {@code @huggingface/hub} client
 * round-trips (it PUTs to the presigned link and calls no verify action: the commit checks the
 * upload); a tampered upload, a size lie and a wrong oid are refused and leave nothing; an
 * expired link is refused and a fresh one works; an oid opens nothing in a repository that did not
 * upload it, and a gated repository's links pass its gate; {@code lfs-to-s3} copies a file store and checks every object.
 */
@HubWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LfsOnS3Test {

    static final String BUCKET = "lfs-test";
    /** Short, so the expiry test waits little; long enough that git-lfs starts each transfer within it. */
    static final int TTL_SECONDS = 8;
    static final S3ProxyServer S3 = S3ProxyServer.start(BUCKET);

    @DynamicPropertySource
    static void bucket(DynamicPropertyRegistry registry) {
        S3.hubProperties(BUCKET).forEach((key, value) -> registry.add(key, () -> value));
        registry.add("hub.lfs.s3.presign-ttl", () -> TTL_SECONDS + "s");
        // The hub calls the bucket at 127.0.0.1, clients at localhost: every presigned link below (git-lfs,
        // the JS client, curl-like checks) is signed for the public name and must work there.
        registry.add("hub.lfs.s3.public-endpoint", S3::publicEndpoint);
    }

    @AfterAll
    void stop() {
        S3.close();
    }

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired RepoService repos;
    @Autowired LfsStores lfs;
    @Autowired RepositoryStore store;
    @Autowired LfsToS3Migration migration;
    @Autowired JdbcTemplate jdbc;
    @Autowired RepoSettingsService settings;

    private record Owner(Account account, String token, Repo repo) {
    }

    private Owner owner(String name) {
        Account account = accounts.create(name);
        Repo repo = repos.create(account, new NewRepo(RepoKind.MODEL, null, name, false));
        return new Owner(account, accounts.token(account, TokenScope.WRITE), repo);
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private Path objectFile(String oid) {
        return S3.file(BUCKET, "lfs/objects/" + oid.substring(0, 2) + "/" + oid.substring(2, 4) + "/" + oid);
    }

    private long stagedUploads(Owner owner) throws Exception {
        Path staging = S3.file(BUCKET, "lfs/staging/" + repos.storageOf(owner.repo()));
        if (!Files.exists(staging)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(staging)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void theStatusPagesLfsComponentAsksTheBucketNotTheLocalDisk() throws Exception {
        JsonNode status = new ObjectMapper().readTree(HubPage.get(port, "/api/status").body());
        JsonNode lfsComponent = null;
        for (JsonNode component : status.get("components")) {
            if (component.get("id").asText().equals("lfs")) {
                lfsComponent = component;
            }
        }
        assertThat(lfsComponent).as("the lfs component of /api/status").isNotNull();
        assertThat(lfsComponent.get("state").asText()).isEqualTo("up");
        assertThat(lfsComponent.get("detail").asText()).contains("object storage bucket '" + BUCKET + "'");
    }

    @Test
    void gitLfsPushesAndPulls256MiBStraightToAndFromTheBucket() throws Exception {
        GitCli.requireOnPath("git-lfs");
        Owner alice = owner("s3push");
        GitCli git = new GitCli();
        git.ok(git.home(), "lfs", "install", "--skip-repo");
        Path work = Files.createTempDirectory("adapthub-lfs-s3");
        String url = "http://" + alice.account().name() + ":" + alice.token() + "@localhost:" + port + "/"
                + alice.repo().urlPath() + ".git";
        git.ok(work, "clone", "-q", url, "c");
        Path clone = work.resolve("c");
        git.ok(clone, "lfs", "track", "*.bin");
        Path big = clone.resolve("model.bin");
        MessageDigest written = MessageDigest.getInstance("SHA-256");
        Random random = new Random(256);
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(big)) {
            for (int i = 0; i < 256; i++) {
                random.nextBytes(chunk);
                written.update(chunk);
                out.write(chunk);
            }
        }
        String oid = HexFormat.of().formatHex(written.digest());
        git.ok(clone, "add", ".gitattributes", "model.bin");
        git.ok(clone, "commit", "-q", "-m", "256 MiB of weights");

        long started = System.nanoTime();
        git.ok(clone, "-c", "lfs.locksverify=false", "push", "-q", "origin", "main");
        long pushMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(Files.size(objectFile(oid))).isEqualTo(256L << 20);
        assertThat(stagedUploads(alice)).as("the checked upload left no staging object").isZero();
        assertThat(lfs.forRepository(repos.storageOf(alice.repo())).size(new LfsOid(oid))).hasValue(256L << 20);

        started = System.nanoTime();
        git.ok(work, "clone", "-q", "http://localhost:" + port + "/" + alice.repo().urlPath() + ".git", "anon");
        long cloneMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(sha256(work.resolve("anon/model.bin"))).isEqualTo(oid);
        System.out.printf("git-lfs 256 MiB through S3Proxy: push %d ms, clone with smudge %d ms%n", pushMs, cloneMs);

        // The hub hands git-lfs links into the bucket: the bytes never pass through it.
        LfsHttp http = new LfsHttp(port);
        JsonNode download = http.batch(alice.repo().urlPath(), alice.account().name(), alice.token(), "download", oid,
                256L << 20).get("actions").get("download");
        assertThat(download.get("href").asString()).startsWith(S3.publicEndpoint() + "/" + BUCKET + "/lfs/objects/");
        assertThat(download.get("header")).as("a presigned link carries no hub credentials").isNull();
        assertThat(download.get("expires_in").asInt()).isEqualTo(TTL_SECONDS);

        // /resolve: 302 to the bucket, with the headers the Hugging Face clients read on this first answer.
        LfsHttp.Answer resolve = http.get("/" + alice.repo().urlPath() + "/resolve/main/model.bin");
        assertThat(resolve.status()).isEqualTo(302);
        assertThat(resolve.header("X-Linked-Size")).isEqualTo(Long.toString(256L << 20));
        assertThat(resolve.header("X-Linked-Etag")).isEqualTo("\"" + oid + "\"");
        assertThat(resolve.header("X-Repo-Commit")).isEqualTo(git.ok(clone, "rev-parse", "HEAD").stdout().strip());
        assertThat(resolve.header("Location")).startsWith(S3.publicEndpoint());
        LfsHttp.Answer head = http.get(resolve.header("Location"), "Range", "bytes=0-1023");
        assertThat(head.status()).isEqualTo(206);
        byte[] first = new byte[1024];
        try (InputStream in = Files.newInputStream(big)) {
            assertThat(in.readNBytes(first, 0, 1024)).isEqualTo(1024);
        }
        assertThat(head.raw().body()).isEqualTo(first);
        assertThat(head.header("Content-Disposition")).contains("model.bin");
    }

    @Test
    void aTamperedUploadIsRefusedRemovedAndNeitherACommitNorAPushMayReferenceIt() throws Exception {
        Owner bob = owner("s3tamper");
        LfsHttp http = new LfsHttp(port);
        byte[] honest = random(64 * 1024, 1);
        byte[] tampered = honest.clone();
        tampered[1000] ^= 1;
        String oid = LfsHttp.sha256(honest);

        JsonNode object = http.batch(bob.repo().urlPath(), bob.account().name(), bob.token(), "upload", oid,
                honest.length);
        JsonNode upload = object.get("actions").get("upload");
        assertThat(upload.get("href").asString()).startsWith(S3.publicEndpoint() + "/" + BUCKET + "/lfs/staging/");
        assertThat(http.action(upload, "PUT", tampered).status()).isEqualTo(200);
        assertThat(stagedUploads(bob)).isEqualTo(1);

        LfsHttp.Answer verify = http.verify(object.get("actions").get("verify"), oid, honest.length);

        assertThat(verify.status()).isEqualTo(422);
        assertThat(verify.json().get("message").asString()).contains("have SHA-256 " + LfsHttp.sha256(tampered))
                .contains("not that object").contains("removed");
        assertThat(stagedUploads(bob)).as("the tampered bytes are removed").isZero();
        assertThat(objectFile(oid)).doesNotExist();

        LfsHttp.Answer commit = http.commitLfsFile(bob.repo().fullName(), bob.token(), "w.bin", oid, honest.length);
        assertThat(commit.status()).isEqualTo(422);
        assertThat(commit.body()).contains("was not uploaded to this repository");

        GitCli git = new GitCli();
        Path work = Files.createTempDirectory("adapthub-lfs-s3-tamper");
        String url = "http://" + bob.account().name() + ":" + bob.token() + "@localhost:" + port + "/"
                + bob.repo().urlPath() + ".git";
        git.ok(work, "clone", "-q", url, "c");
        Path clone = work.resolve("c");
        Files.write(clone.resolve("w.bin"), new LfsPointerFile(new LfsOid(oid), honest.length).format());
        git.ok(clone, "add", "w.bin");
        git.ok(clone, "commit", "-q", "-m", "pointer to the refused object");
        GitCli.Result push = git.run(clone, "push", "origin", "main");
        assertThat(push.ok()).isFalse();
        assertThat(push.stderr()).contains("w.bin is a Git LFS pointer to object " + oid).contains("never uploaded");

        // The honest bytes then go through, and the same push lands.
        JsonNode again = http.batch(bob.repo().urlPath(), bob.account().name(), bob.token(), "upload", oid,
                honest.length);
        assertThat(http.action(again.get("actions").get("upload"), "PUT", honest).status()).isEqualTo(200);
        assertThat(http.verify(again.get("actions").get("verify"), oid, honest.length).status()).isEqualTo(200);
        assertThat(Files.readAllBytes(objectFile(oid))).isEqualTo(honest);
        git.ok(clone, "push", "-q", "origin", "main");
    }

    @Test
    void aWrongOidASizeLieAndAnExpiredLinkAre4xxAndLoseNothing() throws Exception {
        Owner carol = owner("s3lies");
        LfsHttp http = new LfsHttp(port);
        String repo = carol.repo().urlPath();
        String user = carol.account().name();

        JsonNode wrongOid = http.batch(repo, user, carol.token(), "upload", "not-a-sha", 10);
        assertThat(wrongOid.get("error").get("code").asInt()).isEqualTo(422);
        assertThat(wrongOid.get("error").get("message").asString()).contains("SHA-256");

        // Declares 4 KiB, sends 4 KiB + 1 byte: the link was signed for exactly the declared length.
        byte[] content = random(4096, 2);
        String oid = LfsHttp.sha256(content);
        JsonNode object = http.batch(repo, user, carol.token(), "upload", oid, content.length);
        byte[] longer = java.util.Arrays.copyOf(content, content.length + 1);
        LfsHttp.Answer lie = http.action(object.get("actions").get("upload"), "PUT", longer);
        LfsHttp.Answer verify = http.verify(object.get("actions").get("verify"), oid, content.length);
        assertThat(lie.status() >= 400 ? lie.status() : verify.status()).isBetween(400, 499);
        assertThat(objectFile(oid)).doesNotExist();
        assertThat(stagedUploads(carol)).isZero();

        // A verify that lies about the size of a good upload.
        assertThat(http.action(object.get("actions").get("upload"), "PUT", content).status()).isEqualTo(200);
        LfsHttp.Answer sizeLie = http.verify(object.get("actions").get("verify"), oid, content.length + 7);
        assertThat(sizeLie.status()).isEqualTo(422);
        assertThat(sizeLie.json().get("message").asString()).contains("has 4096 bytes, not 4103");
        assertThat(Files.readAllBytes(objectFile(oid))).as("the good upload is kept").isEqualTo(content);

        // An expired download link: the bucket refuses it, a fresh batch answer works.
        JsonNode download = http.batch(repo, user, carol.token(), "download", oid, content.length).get("actions")
                .get("download");
        Thread.sleep((TTL_SECONDS + 2) * 1000L);
        LfsHttp.Answer expired = http.action(download, "GET", null);
        assertThat(expired.status()).isEqualTo(403);
        assertThat(expired.body()).containsIgnoringCase("expired");
        JsonNode fresh = http.batch(repo, user, carol.token(), "download", oid, content.length).get("actions")
                .get("download");
        LfsHttp.Answer again = http.action(fresh, "GET", null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.raw().body()).isEqualTo(content);
    }

    @Test
    void anOidOpensNothingInARepositoryThatDidNotUploadItAndIsStoredOnce() throws Exception {
        Owner dave = owner("s3owner");
        Owner eve = owner("s3other");
        LfsHttp http = new LfsHttp(port);
        byte[] content = random(8192, 3);
        String oid = LfsHttp.sha256(content);
        lfs.forRepository(repos.storageOf(dave.repo())).put(new LfsOid(oid), content.length,
                new ByteArrayInputStream(content));

        JsonNode elsewhere = http.batch(eve.repo().urlPath(), eve.account().name(), eve.token(), "download", oid,
                content.length);
        assertThat(elsewhere.get("error").get("code").asInt()).isEqualTo(404);
        assertThat(http.commitLfsFile(eve.repo().fullName(), eve.token(), "x.bin", oid, content.length).status())
                .isEqualTo(422);

        // Eve proves she has the bytes by uploading them; the bucket still holds them once.
        JsonNode upload = http.batch(eve.repo().urlPath(), eve.account().name(), eve.token(), "upload", oid,
                content.length);
        assertThat(upload.get("actions").get("upload")).as("knowing the hash is not enough").isNotNull();
        assertThat(http.action(upload.get("actions").get("upload"), "PUT", content).status()).isEqualTo(200);
        assertThat(http.verify(upload.get("actions").get("verify"), oid, content.length).status()).isEqualTo(200);
        assertThat(http.batch(eve.repo().urlPath(), eve.account().name(), eve.token(), "download", oid,
                content.length).get("actions").get("download")).isNotNull();
        assertThat(stagedUploads(eve)).isZero();

        // A gated repository hands out links only to those its gate admits: a link bypasses the hub.
        settings.update(eve.account(), eve.repo(), new RepoSettings(null, RepoGate.MANUAL, null));
        LfsHttp.Answer refused = http.batchAnswer(eve.repo().urlPath(), dave.account().name(), dave.token(),
                "download", oid, content.length);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("gated");
        assertThat(http.batch(eve.repo().urlPath(), eve.account().name(), eve.token(), "download", oid,
                content.length).get("actions").get("download")).isNotNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lfs_repository_objects WHERE oid = ?", Integer.class,
                oid)).isEqualTo(2);
    }

    @Test
    void theHuggingFaceJsClientUploadsAndDownloadsThroughTheBucket() throws Exception {
        HfJsClient.install();
        Account grace = accounts.create("s3js");

        HfJsClient.Result node = HfJsClient.script("roundtrip.mjs", Map.of("HUB_URL", "http://localhost:" + port,
                "HF_TOKEN", accounts.token(grace, TokenScope.WRITE), "REPO_NAME", "via-s3"), 180);

        assertThat(node.exitCode()).as(node.output()).isZero();
        Map<String, Object> seen = node.lastJson();
        assertThat(seen).containsEntry("bigIdentical", true).containsEntry("smallIdentical", true)
                .containsEntry("datasetIdentical", true);
        // The client PUT the 12 MiB straight into the bucket (it calls no verify action): the commit checked it.
        String oid = (String) seen.get("bigSha256");
        assertThat(Files.size(objectFile(oid))).isEqualTo(12L << 20);
        Repo repo = repos.get(RepoKind.MODEL, grace.name(), "via-s3", grace);
        assertThat(lfs.forRepository(repos.storageOf(repo)).size(new LfsOid(oid))).hasValue(12L << 20);
        System.out.printf("@huggingface/hub through S3Proxy: uploadFiles (12 MiB) %s ms, downloadFile %s ms%n",
                seen.get("uploadMs"), seen.get("downloadMs"));
    }

    @Test
    void lfsToS3CopiesAFileStoreAndChecksEveryObject() throws Exception {
        Owner frank = owner("s3migrate");
        var repoId = repos.storageOf(frank.repo());
        var files = LfsStores.insideRepository(store, repoId, 1 << 20);
        byte[] one = random(3000, 4);
        byte[] two = random(5000, 5);
        files.put(new LfsOid(LfsHttp.sha256(one)), one.length, new ByteArrayInputStream(one));
        files.put(new LfsOid(LfsHttp.sha256(two)), two.length, new ByteArrayInputStream(two));
        // A damaged file: its bytes are not what its name says.
        byte[] damaged = random(100, 6);
        String damagedOid = LfsHttp.sha256(random(100, 7));
        Path damagedFile = files.path(new LfsOid(damagedOid));
        Files.createDirectories(damagedFile.getParent());
        Files.write(damagedFile, damaged);
        assertThat(lfs.forRepository(repoId).contains(new LfsOid(LfsHttp.sha256(one)))).isFalse();

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        LfsToS3Migration.Report report = migration.run(new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(report.ok()).isFalse();
        assertThat(report.failures()).singleElement().asString().contains(damagedOid).contains("not copied");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("FAILED  " + repoId + " " + damagedOid);
        assertThat(Files.readAllBytes(objectFile(LfsHttp.sha256(one)))).isEqualTo(one);
        assertThat(Files.readAllBytes(objectFile(LfsHttp.sha256(two)))).isEqualTo(two);
        assertThat(objectFile(damagedOid)).doesNotExist();
        assertThat(lfs.forRepository(repoId).size(new LfsOid(LfsHttp.sha256(two)))).hasValue(two.length);
        assertThat(lfs.forRepository(repoId).contains(new LfsOid(damagedOid))).isFalse();

        // Again: nothing to copy, everything checked.
        LfsToS3Migration.Report second = migration.run(new PrintStream(OutputStream.nullOutputStream()));
        assertThat(second.copied()).isZero();
        assertThat(second.alreadyThere()).isGreaterThanOrEqualTo(2);
    }

    private static String sha256(Path file) throws Exception {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        }
    }
}
