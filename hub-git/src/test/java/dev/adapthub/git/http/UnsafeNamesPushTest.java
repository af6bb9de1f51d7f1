package dev.adapthub.git.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.git.lfs.LfsStores;
import dev.adapthub.git.receive.ReceiveSettings;
import dev.adapthub.git.refs.RefUpdater;
import dev.adapthub.git.store.RepoId;
import dev.adapthub.git.store.RepositoryStore;
import dev.adapthub.git.write.Commits;
import dev.adapthub.git.write.FileChange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The stock git client pushing trees whose names some file system reads as {@code .git} (or that
 * Windows cannot hold): the push is refused, git shows why, and no ref moves. The trees are built
 * with {@code git update-index --cacheinfo}, so no such file needs to exist on this machine, and with
 * git's own client-side protections off, as an attacker's client would have them.
 */
class UnsafeNamesPushTest {
    static final String ALICE = "alice:alice-token";

    @TempDir
    static Path dir;
    static RepositoryStore store;
    static TestHub hub;
    static GitCli git;

    @BeforeAll
    static void start() throws Exception {
        store = new RepositoryStore(dir.resolve("data"));
        hub = new TestHub(dir, store);
        hub.mount("/git", GitServletFactory.createWithLfs(store, hub.lookup(), hub.receive(ReceiveSettings.DEFAULTS),
                LfsStores.insideRepositories(store, 1L << 20), hub.writeAccess(), "AdaptHub")).start();
        git = new GitCli(dir.resolve("home"));
    }

    @AfterAll
    static void stop() throws Exception {
        hub.close();
        store.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "zero-width joiner  | .g\u200Dit/config              | U+200D",
        "zero-width non-joiner | .git\u200C/hooks/post-checkout | U+200C",
        "zero-width space   | \u200B.git/config              | U+200B",
        "byte order mark    | .gi\uFEFFt/config              | U+FEFF",
        "8.3 short name     | GIT~1/hooks/post-checkout      | short (8.3) name",
        "trailing dot       | .git./config                   | Windows drops",
        "Windows colon      | weights:v1.bin                 | not allowed in Windows filename"})
    void pushOfAnUnsafeNameIsRefusedWithAReadableReasonAndNoRefMoves(String label, String path, String reason)
            throws Exception {
        String name = "alice/unsafe-" + label.strip().replace(' ', '-').replace('.', '-');
        RepoId id = hub.createRepo(name);
        ObjectId initial = seed(id);
        Path clone = Files.createTempDirectory(dir, "clone").resolve("w");
        git.run(clone.getParent(), ALICE, "clone", "-q", hub.url("/git", name + ".git"), "w").ok();
        Files.writeString(clone.resolve("payload"), "[core]\n\thooksPath = /tmp\n");
        String blob = git.run(clone, null, "hash-object", "-w", "payload").ok().stdout().trim();
        git.run(clone, null, "-c", "core.protectNTFS=false", "-c", "core.protectHFS=false",
                "update-index", "--add", "--cacheinfo", "100644," + blob + "," + path.strip()).ok();
        git.run(clone, null, "commit", "-q", "-m", "sneak " + label).ok();

        GitCli.Result push = git.run(clone, ALICE, "push", "origin", "main");

        assertThat(push.exitCode()).isNotZero();
        assertThat(push.stderr()).contains("the hub refuses it").contains(reason.strip());
        assertThat(tip(id)).isEqualTo(initial);
        assertThat(hub.pushEvents).noneMatch(event -> event.startsWith("alice refs/heads/main"));
    }

    @Test
    void aNameWithAnInvisibleCharacterThatIsNotDotGitIsPushedAsUsual() throws Exception {
        // Persian writes ZWNJ inside words: refusing every invisible character would refuse real names.
        RepoId id = hub.createRepo("alice/persian");
        seed(id);
        Path clone = Files.createTempDirectory(dir, "clone").resolve("w");
        git.run(clone.getParent(), ALICE, "clone", "-q", hub.url("/git", "alice/persian.git"), "w").ok();
        Files.writeString(clone.resolve("می\u200Cخواهم.md"), "سلام\n");
        git.run(clone, null, "add", "-A").ok();
        git.run(clone, null, "commit", "-q", "-m", "Persian name").ok();

        git.run(clone, ALICE, "push", "-q", "origin", "main").ok();

        assertThat(tip(id).name()).isEqualTo(git.run(clone, null, "rev-parse", "HEAD").ok().stdout().trim());
    }

    private static ObjectId seed(RepoId id) throws Exception {
        try (Repository repo = store.open(id)) {
            return new Commits(new RefUpdater()).commit(repo, "main", ObjectId.zeroId(),
                    new PersonIdent("Hub", "hub@example.org"), "Initial commit",
                    List.of(FileChange.put("README.md", "# Model\n"))).commitId();
        }
    }

    private static ObjectId tip(RepoId id) throws Exception {
        try (Repository repo = store.open(id)) {
            return repo.exactRef("refs/heads/main").getObjectId();
        }
    }
}
