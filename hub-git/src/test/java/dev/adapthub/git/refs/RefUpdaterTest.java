package dev.adapthub.git.refs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adapthub.git.GitInvalidInputException;
import dev.adapthub.git.GitLockedException;
import dev.adapthub.git.RefConflictException;
import dev.adapthub.git.store.TempRepository;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jgit.junit.TestRepository;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RefUpdaterTest {
    static final PersonIdent WHO = new PersonIdent("Hub", "hub@example.org");

    @TempDir
    Path root;
    TempRepository temp;
    Repository repo;
    TestRepository<Repository> git;

    @BeforeEach
    void setUp() throws Exception {
        temp = new TempRepository(root);
        repo = temp.repo;
        git = new TestRepository<>(repo);
    }

    @AfterEach
    void tearDown() {
        temp.close();
    }

    @Test
    void concurrentWriterBetweenReadAndWriteMakesTheUpdateFailInsteadOfBeingLost() throws Exception {
        RevCommit base = git.commit().add("a.txt", "a").create();
        RevCommit mine = git.commit().parent(base).add("a.txt", "mine").create();
        RevCommit theirs = git.commit().parent(base).add("a.txt", "theirs").create();
        new RefUpdater().update(repo, WHO, "init", RefChange.create("refs/heads/main", base));

        RefUpdater racing = new RefUpdater((r, changes) -> {
            // Another writer moves main after we read it and before our batch runs.
            RefUpdate other = r.updateRef("refs/heads/main");
            other.setExpectedOldObjectId(base);
            other.setNewObjectId(theirs);
            assertThat(other.update()).isEqualTo(RefUpdate.Result.FAST_FORWARD);
        });

        assertThatThrownBy(() -> racing.update(repo, WHO, "mine", RefChange.update("refs/heads/main", base, mine)))
                .isInstanceOf(RefConflictException.class)
                .hasMessageContaining("refs/heads/main was changed by someone else");
        assertThat(repo.exactRef("refs/heads/main").getObjectId()).isEqualTo(theirs);
    }

    @Test
    void batchIsAtomicWhenOneExpectationFails() throws Exception {
        RevCommit one = git.commit().add("f", "1").create();
        RevCommit two = git.commit().parent(one).add("f", "2").create();
        RefUpdater refs = new RefUpdater();
        refs.update(repo, WHO, "init", RefChange.create("refs/heads/main", one));

        assertThatThrownBy(() -> refs.update(repo, WHO, "both", List.of(
                RefChange.create("refs/pr/1", two),
                RefChange.update("refs/heads/main", two, one))))
                .isInstanceOf(RefConflictException.class)
                .satisfies(e -> assertThat(((RefConflictException) e).refNames()).containsExactly("refs/heads/main"));
        assertThat(repo.exactRef("refs/pr/1")).isNull();
        assertThat(repo.exactRef("refs/heads/main").getObjectId()).isEqualTo(one);
    }

    @Test
    void createOfAnExistingRefAndDeleteWithStaleIdAreConflicts() throws Exception {
        RevCommit one = git.commit().add("f", "1").create();
        RevCommit two = git.commit().parent(one).add("f", "2").create();
        RefUpdater refs = new RefUpdater();
        refs.update(repo, WHO, "init", RefChange.create("refs/pr/7", one));

        assertThatThrownBy(() -> refs.update(repo, WHO, "again", RefChange.create("refs/pr/7", two)))
                .isInstanceOf(RefConflictException.class);
        assertThatThrownBy(() -> refs.update(repo, WHO, "del", RefChange.delete("refs/pr/7", two)))
                .isInstanceOf(RefConflictException.class);
        refs.update(repo, WHO, "del", RefChange.delete("refs/pr/7", one));
        assertThat(repo.exactRef("refs/pr/7")).isNull();
    }

    @Test
    void aRefLockedByAnotherWriterIsBusyWithoutNamingTheLockFile() throws Exception {
        RevCommit one = git.commit().add("f", "1").create();
        RevCommit two = git.commit().parent(one).add("f", "2").create();
        RefUpdater refs = new RefUpdater();
        refs.update(repo, WHO, "init", RefChange.create("refs/heads/main", one));
        java.nio.file.Path lock = repo.getDirectory().toPath().resolve("refs/heads/main.lock");
        java.nio.file.Files.writeString(lock, "held by a concurrent git process\n");

        assertThatThrownBy(() -> refs.update(repo, WHO, "blocked", RefChange.update("refs/heads/main", one, two)))
                .isInstanceOf(GitLockedException.class)
                .hasMessage("the repository is busy; retry in a moment");
        java.nio.file.Files.delete(lock);
        refs.update(repo, WHO, "retry", RefChange.update("refs/heads/main", one, two));
        assertThat(repo.exactRef("refs/heads/main").getObjectId()).isEqualTo(two);
    }

    @Test
    void rejectsHostileRefNamesAndMissingObjects() throws Exception {
        RevCommit one = git.commit().add("f", "1").create();
        RefUpdater refs = new RefUpdater();
        for (String bad : List.of("refs/heads/../config", "refs/heads/a\u0000b", "HEAD", "refs/heads/x.lock",
                "refs/heads/a b", "refs/pr/007", "refs/pr/x", "refs/heads/" + "x".repeat(300))) {
            assertThatThrownBy(() -> refs.update(repo, WHO, "bad", RefChange.create(bad, one)))
                    .as(bad).isInstanceOf(GitInvalidInputException.class);
        }
        ObjectId absent = ObjectId.fromString("0123456789012345678901234567890123456789");
        assertThatThrownBy(() -> refs.update(repo, WHO, "ghost", RefChange.create("refs/heads/ghost", absent)))
                .isInstanceOf(GitInvalidInputException.class).hasMessageContaining("not in the repository");
        assertThat(repo.getRefDatabase().getRefs()).isEmpty();
    }

    @Test
    void threadsDoingCompareAndSwapIncrementsLoseNoUpdate() throws Exception {
        int threads = 8;
        int incrementsPerThread = 15;
        RevCommit start = git.commit().message("0").create();
        RefUpdater refs = new RefUpdater();
        refs.update(repo, WHO, "init", RefChange.create("refs/heads/counter", start));
        AtomicInteger conflicts = new AtomicInteger();

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                TestRepository<Repository> mine = new TestRepository<>(repo);
                for (int i = 0; i < incrementsPerThread; ) {
                    ObjectId tip = repo.exactRef("refs/heads/counter").getObjectId();
                    RevCommit parent = mine.getRevWalk().parseCommit(tip);
                    int value = Integer.parseInt(parent.getFullMessage());
                    RevCommit next = mine.commit().parent(parent).message(Integer.toString(value + 1)).create();
                    try {
                        refs.update(repo, WHO, "increment", RefChange.update("refs/heads/counter", tip, next));
                        i++;
                    } catch (RefConflictException | GitLockedException e) {
                        // Both say "someone else is writing; re-read and retry".
                        conflicts.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();

        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit tip = walk.parseCommit(repo.exactRef("refs/heads/counter").getObjectId());
            assertThat(tip.getFullMessage()).isEqualTo(Integer.toString(threads * incrementsPerThread));
            walk.markStart(tip);
            int count = 0;
            for (RevCommit c : walk) {
                count++;
            }
            assertThat(count).isEqualTo(threads * incrementsPerThread + 1);
        }
        System.out.println("CAS increments: " + threads * incrementsPerThread + " applied, "
                + conflicts.get() + " conflicts retried");
    }
}
