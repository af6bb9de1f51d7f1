package dev.adapthub.git.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.git.lfs.LfsStores;
import dev.adapthub.git.receive.ReceiveSettings;
import dev.adapthub.git.refs.RefUpdater;
import dev.adapthub.git.store.RepoId;
import dev.adapthub.git.store.RepositoryStore;
import dev.adapthub.git.write.Commits;
import dev.adapthub.git.write.FileChange;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stock git client against the hub's GitServlet in embedded Tomcat. */
class GitOverHttpTest {
    static final long SMALL_LIMIT = 64 * 1024;
    static final String ALICE = "alice:alice-token";
    static final String BOB = "bob:bob-token";

    @TempDir
    static Path dir;
    static RepositoryStore store;
    static TestHub hub;
    static GitCli git;

    @BeforeAll
    static void start() throws Exception {
        store = new RepositoryStore(dir.resolve("data"));
        hub = new TestHub(dir, store);
        // The same store behind two mounts: the normal one, and one with a tiny push limit.
        LfsStores lfs = LfsStores.insideRepositories(store, 100L << 20);
        hub.mount("/git", GitServletFactory.createWithLfs(store, hub.lookup(), hub.receive(ReceiveSettings.DEFAULTS),
                        lfs, hub.writeAccess(), "AdaptHub"))
                .mount("/small", GitServletFactory.createWithLfs(store, hub.lookup(),
                        hub.receive(new ReceiveSettings(SMALL_LIMIT, 10 * SMALL_LIMIT)), lfs, hub.writeAccess(), "AdaptHub"))
                .start();
        git = new GitCli(dir.resolve("home"));
    }

    @AfterAll
    static void stop() throws Exception {
        hub.close();
        store.close();
    }

    private static ObjectId seed(RepoId id) throws Exception {
        try (Repository repo = store.open(id)) {
            return new Commits(new RefUpdater()).commit(repo, "main", ObjectId.zeroId(),
                    new PersonIdent("Hub", "hub@example.org"), "Initial commit",
                    List.of(FileChange.put("README.md", "# Model\n"))).commitId();
        }
    }

    private static ObjectId tip(RepoId id, String ref) throws Exception {
        try (Repository repo = store.open(id)) {
            return repo.exactRef(ref) == null ? null : repo.exactRef(ref).getObjectId();
        }
    }

    private static Path cloneAs(String name, String credentials, String url) throws Exception {
        Path work = Files.createTempDirectory(dir, name);
        git.run(work, credentials, "clone", "-q", url, "w").ok();
        return work.resolve("w");
    }

    private static void commitFile(Path clone, String file, byte[] content, String message) throws Exception {
        Files.write(clone.resolve(file), content);
        git.run(clone, null, "add", file).ok();
        git.run(clone, null, "commit", "-q", "-m", message).ok();
    }

    @Test
    void anonymousCloneThenMaintainerPushWithAndWithoutDotGit() throws Exception {
        RepoId id = hub.createRepo("alice/clone-push");
        ObjectId initial = seed(id);

        Path clone = cloneAs("anon", null, hub.url("/git", "alice/clone-push.git"));
        assertThat(clone.resolve("README.md")).hasContent("# Model");
        assertThat(git.run(clone, null, "rev-parse", "HEAD").ok().stdout().trim()).isEqualTo(initial.name());

        commitFile(clone, "config.yaml", "tensor: 2\n".getBytes(StandardCharsets.UTF_8), "Add config");
        git.run(clone, null, "remote", "set-url", "origin", hub.url("/git", "alice/clone-push")).ok();
        git.run(clone, ALICE, "push", "-q", "origin", "main").ok();

        String pushed = git.run(clone, null, "rev-parse", "HEAD").ok().stdout().trim();
        assertThat(tip(id, "refs/heads/main").name()).isEqualTo(pushed);
        assertThat(hub.pushEvents).contains("alice refs/heads/main UPDATE");
        Path again = cloneAs("again", null, hub.url("/git", "alice/clone-push"));
        assertThat(again.resolve("config.yaml")).hasContent("tensor: 2");
    }

    @Test
    void pushWithoutOrWithWrongCredentialsFailsAndChangesNothing() throws Exception {
        RepoId id = hub.createRepo("alice/auth");
        ObjectId initial = seed(id);
        Path clone = cloneAs("auth", null, hub.url("/git", "alice/auth.git"));
        commitFile(clone, "x.txt", "x\n".getBytes(StandardCharsets.UTF_8), "x");

        GitCli.Result anonymous = git.run(clone, null, "push", "origin", "main");
        assertThat(anonymous.exitCode()).isNotZero();
        assertThat(anonymous.stderr()).containsAnyOf("Authentication failed", "could not read Username");
        GitCli.Result wrong = git.run(clone, "alice:wrong", "push", "origin", "main");
        assertThat(wrong.exitCode()).isNotZero();
        assertThat(wrong.stderr()).contains("Authentication failed");
        assertThat(tip(id, "refs/heads/main")).isEqualTo(initial);
    }

    @Test
    void protectedBranchRejectionIsShownInGitOutputWhilePullRequestRefsAreAccepted() throws Exception {
        RepoId id = hub.createRepo("alice/protected");
        ObjectId initial = seed(id);
        Path clone = cloneAs("bob", BOB, hub.url("/git", "alice/protected.git"));
        commitFile(clone, "npu.yaml", "chip: npu\n".getBytes(StandardCharsets.UTF_8), "NPU config");

        GitCli.Result direct = git.run(clone, BOB, "push", "origin", "main");
        assertThat(direct.exitCode()).isNotZero();
        assertThat(direct.stderr()).contains("refs/heads/main is protected: open a pull request");
        assertThat(tip(id, "refs/heads/main")).isEqualTo(initial);

        git.run(clone, BOB, "push", "-q", "origin", "HEAD:refs/pr/1").ok();
        String head = git.run(clone, null, "rev-parse", "HEAD").ok().stdout().trim();
        assertThat(tip(id, "refs/pr/1").name()).isEqualTo(head);
        assertThat(hub.pushEvents).contains("bob refs/pr/1 CREATE");

        // The policy sees force pushes as such (command type), before any ref moves.
        git.run(clone, null, "commit", "-q", "--amend", "-m", "NPU config, reworded").ok();
        GitCli.Result force = git.run(clone, BOB, "push", "--force", "origin", "HEAD:refs/pr/1");
        assertThat(force.exitCode()).isNotZero();
        assertThat(force.stderr()).contains("force-pushing refs/pr/1 is not allowed");
        assertThat(tip(id, "refs/pr/1").name()).isEqualTo(head);
    }

    @Test
    void pushOverTheSizeLimitIsRefusedWithAClearErrorAndNothingStored() throws Exception {
        RepoId id = hub.createRepo("alice/limits");
        ObjectId initial = seed(id);
        Path clone = cloneAs("limits", ALICE, hub.url("/small", "alice/limits.git"));
        byte[] random = new byte[(int) SMALL_LIMIT * 3];
        new Random(42).nextBytes(random);
        commitFile(clone, "weights.bin", random, "big");

        GitCli.Result push = git.run(clone, ALICE, "push", "origin", "main");

        assertThat(push.exitCode()).isNotZero();
        System.out.println("size-limit push stderr:\n" + push.stderr());
        assertThat(push.stderr()).contains("Pack exceeds the limit of 65,536 bytes");
        assertThat(tip(id, "refs/heads/main")).isEqualTo(initial);
    }

    @Test
    void unknownAndPrivateRepositoriesAreNotFoundForAnonymousReaders() throws Exception {
        RepoId id = hub.createRepo("alice/secret");
        hub.privateRepos.put("alice/secret", true);
        seed(id);
        Path work = Files.createTempDirectory(dir, "nf");

        GitCli.Result secret = git.run(work, null, "clone", hub.url("/git", "alice/secret.git"), "s");
        GitCli.Result missing = git.run(work, null, "clone", hub.url("/git", "alice/none.git"), "m");

        assertThat(secret.exitCode()).isNotZero();
        assertThat(missing.exitCode()).isNotZero();
        // Anonymous: 401 for both, so git asks for credentials and existence does not leak.
        assertThat(secret.stderr().replace("'s'", "'m'")).isEqualTo(missing.stderr());
        assertThat(secret.stderr()).containsAnyOf("could not read Username", "Authentication failed");
        GitCli.Result authenticatedMissing = git.run(work, BOB, "clone", hub.url("/git", "alice/none.git"), "m2");
        assertThat(authenticatedMissing.stderr()).contains("not found");
        git.run(work, BOB, "clone", "-q", hub.url("/git", "alice/secret.git"), "ok").ok();
    }

    @Test
    void aFailingPostReceiveListenerWarnsButKeepsThePush() throws Exception {
        RepoId id = hub.createRepo("alice/flaky-index");
        seed(id);
        Path clone = cloneAs("flaky", ALICE, hub.url("/git", "alice/flaky-index.git"));
        commitFile(clone, "x.txt", "x\n".getBytes(StandardCharsets.UTF_8), "x");

        GitCli.Result push = git.run(clone, ALICE, "push", "origin", "main").ok();

        assertThat(push.stderr()).contains("warning: the push succeeded but the hub could not update its index yet");
        assertThat(tip(id, "refs/heads/main").name()).isEqualTo(git.run(clone, null, "rev-parse", "HEAD").ok().stdout().trim());
    }

    @Test
    void recognisesGitAndLfsPathsForForwarding() {
        assertThat(GitHttpServlet.isGitOrLfsPath("/alice/model.git/info/refs")).isTrue();
        assertThat(GitHttpServlet.isGitOrLfsPath("/datasets/alice/data/git-upload-pack")).isTrue();
        assertThat(GitHttpServlet.isGitOrLfsPath("/alice/model.git/git-receive-pack")).isTrue();
        assertThat(GitHttpServlet.isGitOrLfsPath("/alice/model.git/info/lfs/objects/batch")).isTrue();
        assertThat(GitHttpServlet.isGitOrLfsPath("/alice/model/blob/main/README.md")).isFalse();
        assertThat(GitHttpServlet.isGitOrLfsPath("/alice/model.git/HEAD")).as("dumb protocol is off").isFalse();
    }
}
