package dev.adapthub.git.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adapthub.git.GitLockedException;
import dev.adapthub.git.refs.RefChange;
import dev.adapthub.git.refs.RefUpdater;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.internal.storage.file.GC;
import org.eclipse.jgit.internal.storage.file.LockFile;
import org.eclipse.jgit.junit.TestRepository;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code kill -9} of the hub leaves in a bare repository, on real files: the next process
 * that opens the repository clears it, unless a live writer still owns it.
 */
class CrashRecoveryTest {
    static final PersonIdent WHO = new PersonIdent("Hub", "hub@example.org");
    static final List<String> LEFTOVERS = List.of("gc.pid", "gc.log.lock", "packed-refs.lock",
            "refs/heads/main.lock", "config.lock");

    @TempDir
    Path root;
    RepoId id = RepoId.random();
    RevCommit base;
    RevCommit next;
    Path dir;
    RepositoryStore restarted;

    /** A repository whose refs a repack packed, with main and feature, as before the crash. */
    @BeforeEach
    void repositoryBeforeTheCrash() throws Exception {
        try (RepositoryStore before = new RepositoryStore(root); Repository repo = before.open(create(before))) {
            TestRepository<Repository> git = new TestRepository<>(repo);
            base = git.commit().add("README.md", "# model\n").create();
            next = git.commit().parent(base).add("README.md", "# model, v2\n").create();
            RefUpdater refs = new RefUpdater();
            refs.update(repo, WHO, "init", List.of(RefChange.create("refs/heads/main", base),
                    RefChange.create("refs/heads/feature", base)));
            new GC((FileRepository) repo).gc().join();
            dir = repo.getDirectory().toPath();
        }
        assertThat(Files.readString(dir.resolve("packed-refs"))).contains("refs/heads/feature");
    }

    private RepoId create(RepositoryStore store) throws Exception {
        store.create(id);
        return id;
    }

    @AfterEach
    void close() {
        if (restarted != null) {
            restarted.close();
        }
    }

    @Test
    void theFirstOpenAfterACrashClearsItsLocksSoBranchesCanBeDeletedAndMovedAgain() throws Exception {
        leaveCrashLeftovers(deadPid(), Instant.now().minus(Duration.ofHours(1)));

        restarted = new RepositoryStore(root);
        try (Repository repo = restarted.open(id)) {
            RefUpdater refs = new RefUpdater();
            refs.update(repo, WHO, "delete feature", RefChange.delete("refs/heads/feature", base));
            refs.update(repo, WHO, "move main", RefChange.update("refs/heads/main", base, next));

            assertThat(repo.exactRef("refs/heads/feature")).isNull();
            assertThat(repo.exactRef("refs/heads/main").getObjectId()).isEqualTo(next);
        }
        for (String leftover : LEFTOVERS) {
            assertThat(dir.resolve(leftover)).as(leftover).doesNotExist();
        }
        assertThat(new GC((FileRepository) restarted.open(id)).gc().join()).as("a repack runs again").isNotEmpty();
    }

    @Test
    void locksLeftAMomentBeforeARestartAreClearedToo() throws Exception {
        leaveCrashLeftovers(deadPid(), Instant.now().minusMillis(200));

        restarted = new RepositoryStore(root);
        try (Repository repo = restarted.open(id)) {
            new RefUpdater().update(repo, WHO, "delete feature", RefChange.delete("refs/heads/feature", base));
            assertThat(repo.exactRef("refs/heads/feature")).isNull();
        }
        for (String leftover : LEFTOVERS) {
            assertThat(dir.resolve(leftover)).as(leftover).doesNotExist();
        }
    }

    @Test
    void theKeepFileOfAnInterruptedPushGoesAKeepFileAnOperatorWroteStays() throws Exception {
        Path packs = dir.resolve("objects/pack");
        Path interrupted = packs.resolve("pack-1111111111111111111111111111111111111111.keep");
        Path operators = packs.resolve("pack-2222222222222222222222222222222222222222.keep");
        Files.writeString(interrupted, "jgit receive-pack from 10.0.0.7");
        Files.writeString(operators, "kept by ops: the 2024 release");
        Instant longAgo = Instant.now().minus(Duration.ofHours(1));
        Files.setLastModifiedTime(interrupted, FileTime.from(longAgo));
        Files.setLastModifiedTime(operators, FileTime.from(longAgo));

        restarted = new RepositoryStore(root);
        restarted.open(id).close();

        assertThat(interrupted).doesNotExist();
        assertThat(operators).exists();
    }

    @Test
    void aFreshLockOfALiveWriterStaysAndTheWriterItBlocksHearsBusyWithoutAPath() throws Exception {
        restarted = new RepositoryStore(root);
        LockFile packedRefs = new LockFile(dir.resolve("packed-refs").toFile());
        assertThat(packedRefs.lock()).isTrue();
        try (Repository repo = restarted.open(id)) {
            assertThat(dir.resolve("packed-refs.lock")).exists();

            assertThatThrownBy(() -> new RefUpdater().update(repo, WHO, "delete feature",
                    RefChange.delete("refs/heads/feature", base)))
                    .isInstanceOf(GitLockedException.class)
                    .hasMessage("the repository is busy; retry in a moment")
                    .message().doesNotContain(root.toString()).doesNotContain(id.toString());

            packedRefs.unlock();
            new RefUpdater().update(repo, WHO, "delete feature", RefChange.delete("refs/heads/feature", base));
            assertThat(repo.exactRef("refs/heads/feature")).isNull();
        } finally {
            packedRefs.unlock();
        }
    }

    @Test
    void aRepackOfALiveProcessOnThisHostKeepsItsLocks() throws Exception {
        Process repacking = new ProcessBuilder("sleep", "60").start();
        try {
            Thread.sleep(20);
            Instant written = Instant.now();
            leaveCrashLeftovers(repacking.pid(), written);

            restarted = new RepositoryStore(root, written.plusSeconds(1));
            restarted.open(id).close();

            for (String leftover : LEFTOVERS) {
                assertThat(dir.resolve(leftover)).as(leftover).exists();
            }
        } finally {
            repacking.destroy();
        }
    }

    @Test
    void jgitsOwnGcAfterPushesIsOffInNewAndInOlderRepositories() throws Exception {
        try (Repository repo = new RepositoryStore(root).open(id)) {
            assertThat(repo.getConfig().getBoolean(ConfigConstants.CONFIG_RECEIVE_SECTION,
                    ConfigConstants.CONFIG_KEY_AUTOGC, true)).isFalse();
        }
        Files.writeString(dir.resolve("config"), Files.readString(dir.resolve("config"))
                .replace("autogc = false", "autogc = true"));

        restarted = new RepositoryStore(root);
        try (Repository repo = restarted.open(id)) {
            assertThat(repo.getConfig().getBoolean(ConfigConstants.CONFIG_RECEIVE_SECTION,
                    ConfigConstants.CONFIG_KEY_AUTOGC, true)).isFalse();
        }
    }

    /** gc.pid of a repack by {@code pid} on this host, and the locks a kill -9 leaves, written at {@code when}. */
    private void leaveCrashLeftovers(long pid, Instant when) throws Exception {
        Files.writeString(dir.resolve("gc.pid"), pid + " " + InetAddress.getLocalHost().getHostName());
        Files.writeString(dir.resolve("gc.log.lock"), "");
        Files.writeString(dir.resolve("packed-refs.lock"), "");
        Files.writeString(dir.resolve("refs/heads/main.lock"), base.name() + "\n");
        Files.writeString(dir.resolve("config.lock"), "");
        for (String leftover : LEFTOVERS) {
            Files.setLastModifiedTime(dir.resolve(leftover), FileTime.from(when));
        }
    }

    private static long deadPid() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        assertThat(gone.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return gone.pid();
    }
}
