package dev.adapthub.web.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.adapthub.core.HubProperties;
import dev.adapthub.core.account.Account;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.maintenance.RepackSettings;
import dev.adapthub.core.token.TokenScope;
import dev.adapthub.git.store.RepoId;
import dev.adapthub.git.store.RepositoryStore;
import dev.adapthub.web.support.GitCli;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.TestAccounts;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.eclipse.jgit.internal.storage.file.LockFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * A running hub after {@code kill -9}: the stock git client, the Hugging Face commit API and the
 * browser editor on a repository with the lock files a crash leaves, a lock held by a live
 * writer, and enough pushes for the background repack. (The hub has no branch deletion of its
 * own yet; branches are deleted with {@code git push --delete}.)
 */
@HubWebTest
class CrashRecoveryTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> LEFTOVERS = List.of("gc.pid", "gc.log.lock", "packed-refs.lock",
            "refs/heads/main.lock");

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired RepoService repos;
    @Autowired RepositoryStore store;
    @Autowired RepackSettings repack;
    @Autowired HubProperties hub;

    GitCli git;
    Path work;
    Account ada;
    String token;
    Repo repo;
    RepoId storage;
    Path bare;
    Path clone;

    /** A repository with main and feature, whose refs a repack packed before the hub died. */
    @BeforeEach
    void repositoryBeforeTheCrash() throws Exception {
        git = new GitCli();
        work = Files.createTempDirectory("adapthub-crash");
        ada = accounts.create("ada");
        token = accounts.token(ada, TokenScope.WRITE);
        repo = repos.create(ada, new NewRepo(RepoKind.MODEL, null, "qwen-npu", false));
        storage = repos.storageOf(repo);
        bare = store.directory(storage);
        git.ok(work, "clone", "-q", url(), "clone");
        clone = work.resolve("clone");
        commitAndPush("# qwen on NPUs\n");
        git.ok(clone, "push", "-q", "origin", "main:feature");
        git.ok(bare, "pack-refs", "--all");
        assertThat(Files.readString(bare.resolve("packed-refs"))).contains("refs/heads/feature");
    }

    @Test
    void theRestartedHubClearsTheLeftoversSoGitDeletesBranchesAndTheApiCommits() throws Exception {
        leaveCrashLeftovers(Instant.now().minus(Duration.ofHours(1)));
        store.close();  // what a restarted process has: no repository opened yet

        GitCli.Result deleted = git.run(clone, "push", "origin", "--delete", "feature");
        assertThat(deleted.ok()).as(deleted.output()).isTrue();
        commitAndPush("# qwen on NPUs, v2\n");
        MockHttpServletResponse api = apiCommit("notes.md", "# Notes\n");

        assertThat(api.getStatus()).as(api.getContentAsString()).isEqualTo(200);
        assertThat(git.ok(clone, "ls-remote", "origin").stdout()).doesNotContain("refs/heads/feature");
        for (String leftover : LEFTOVERS) {
            assertThat(bare.resolve(leftover)).as(leftover).doesNotExist();
        }
    }

    @Test
    void aLockOfALiveWriterMakesGitAndTheApiSayBusyWithoutAPathOrStorageId() throws Exception {
        LockFile packedRefs = new LockFile(bare.resolve("packed-refs").toFile());
        LockFile main = new LockFile(bare.resolve("refs/heads/main").toFile());
        assertThat(packedRefs.lock()).isTrue();
        assertThat(main.lock()).isTrue();
        String tip = git.ok(clone, "rev-parse", "HEAD").stdout().trim();
        GitCli.Result deleted;
        MockHttpServletResponse api;
        MockHttpServletResponse page;
        try {
            deleted = git.run(clone, "push", "origin", "--delete", "feature");
            api = apiCommit("notes.md", "# Notes\n");
            page = mvc.perform(post("/" + repo.urlPath() + "/edit").with(csrf()).with(user(accounts.principal(ada)))
                    .param("branch", "main").param("path", "README.md").param("base", tip)
                    .param("content", "edited in the browser\n").param("message", "Edit")).andReturn().getResponse();
        } finally {
            packedRefs.unlock();
            main.unlock();
        }

        assertThat(deleted.ok()).isFalse();
        assertThat(deleted.output()).contains("the repository is busy; retry in a moment")
                .doesNotContain(hub.dataDir().toString()).doesNotContain(storage.toString());
        assertThat(api.getStatus()).isEqualTo(409);
        assertThat(api.getContentAsString()).contains("The repository is busy; retry in a moment.")
                .doesNotContain(hub.dataDir().toString()).doesNotContain(storage.toString());
        assertThat(page.getStatus()).isEqualTo(409);
        assertThat(page.getContentAsString()).contains("The repository is busy; retry in a moment.")
                .doesNotContain(hub.dataDir().toString()).doesNotContain(storage.toString());

        git.ok(clone, "push", "-q", "origin", "--delete", "feature");
        assertThat(apiCommit("notes.md", "# Notes\n").getStatus()).isEqualTo(200);
    }

    @Test
    void pushesPastTheLimitGetTheRepositoryRepackedIntoOnePackWithABitmap() throws Exception {
        for (int push = 1; push <= repack.maxPacks(); push++) {
            commitAndPush("# qwen on NPUs, push " + push + "\n");
        }

        Awaitility.await().atMost(60, TimeUnit.SECONDS).pollInterval(200, TimeUnit.MILLISECONDS)
                .until(() -> count("*.pack") == 1 && count("*.bitmap") == 1);
        git.ok(work, "clone", "-q", url(), "again");
        assertThat(Files.readString(work.resolve("again/README.md"))).endsWith("push " + repack.maxPacks() + "\n");
    }

    private String url() {
        return "http://" + ada.name() + ":" + token + "@localhost:" + port + "/" + repo.urlPath() + ".git";
    }

    private void commitAndPush(String readme) throws Exception {
        Files.writeString(clone.resolve("README.md"), readme);
        git.ok(clone, "add", "README.md");
        git.ok(clone, "commit", "-q", "-m", "README");
        git.ok(clone, "push", "-q", "origin", "main");
    }

    private MockHttpServletResponse apiCommit(String path, String content) throws Exception {
        String body = line("header", Map.of("summary", "Through the API"))
                + line("file", Map.of("path", path, "encoding", "base64",
                        "content", Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8))));
        return mvc.perform(post("/api/models/" + repo.fullName() + "/commit/main")
                .header("Authorization", "Bearer " + token).contentType("application/x-ndjson").content(body))
                .andReturn().getResponse();
    }

    private static String line(String key, Map<String, Object> value) {
        return JSON.writeValueAsString(Map.of("key", key, "value", value)) + "\n";
    }

    /** A repack's gc.pid from a process that is gone, and the locks kill -9 left, written at {@code when}. */
    private void leaveCrashLeftovers(Instant when) throws Exception {
        Process gone = new ProcessBuilder("true").start();
        assertThat(gone.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Files.writeString(bare.resolve("gc.pid"), gone.pid() + " " + InetAddress.getLocalHost().getHostName());
        Files.writeString(bare.resolve("gc.log.lock"), "");
        Files.writeString(bare.resolve("packed-refs.lock"), "");
        Files.writeString(bare.resolve("refs/heads/main.lock"), "");
        for (String leftover : LEFTOVERS) {
            Files.setLastModifiedTime(bare.resolve(leftover), FileTime.from(when));
        }
    }

    private long count(String glob) throws IOException {
        long n = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(bare.resolve("objects/pack"), glob)) {
            for (Path ignored : files) {
                n++;
            }
        }
        return n;
    }
}
