package dev.adapthub.git.merge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.git.GitLockedException;
import dev.adapthub.git.RefConflictException;
import dev.adapthub.git.read.Trees;
import dev.adapthub.git.refs.RefChange;
import dev.adapthub.git.refs.RefUpdater;
import dev.adapthub.git.store.TempRepository;
import dev.adapthub.git.write.Commits;
import dev.adapthub.git.write.FileChange;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Twenty pull requests merged at once into one branch: every merged one is on it, none lost. */
class ConcurrentMergesTest {
    static final PersonIdent HUB = new PersonIdent("Hub", "hub@example.org");
    static final int PULL_REQUESTS = 20;
    static final int MAX_ATTEMPTS = 30;

    @TempDir
    Path root;

    @Test
    void twentyConcurrentMergesEachLandOrGiveUpCleanly() throws Exception {
        try (TempRepository temp = new TempRepository(root)) {
            Repository repo = temp.repo;
            {
                RefUpdater refs = new RefUpdater();
                Commits commits = new Commits(refs);
                ObjectId base = commits.commit(repo, "main", ObjectId.zeroId(), HUB, "base",
                        List.of(FileChange.put("README.md", "base\n"))).commitId();
                List<ObjectId> heads = new ArrayList<>();
                for (int i = 0; i < PULL_REQUESTS; i++) {
                    refs.update(repo, HUB, "open", RefChange.create("refs/heads/pr-" + i, base));
                    heads.add(commits.commit(repo, "pr-" + i, base, HUB, "PR " + i,
                            List.of(FileChange.put("configs/chip-" + i + ".yaml", "chip: " + i + "\n"))).commitId());
                }

                Merges merges = new Merges(refs);
                AtomicInteger retries = new AtomicInteger();
                CountDownLatch go = new CountDownLatch(1);
                ExecutorService pool = Executors.newFixedThreadPool(PULL_REQUESTS);
                List<Future<Boolean>> outcomes = new ArrayList<>();
                long started = System.nanoTime();
                for (int i = 0; i < PULL_REQUESTS; i++) {
                    ObjectId head = heads.get(i);
                    MergeMethod method = i % 2 == 0 ? MergeMethod.MERGE_COMMIT : MergeMethod.SQUASH;
                    outcomes.add(pool.submit(() -> {
                        go.await();
                        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                            MergeCheck check = merges.check(repo, "main", head);
                            try {
                                merges.merge(repo, new MergeRequest("main", head, check.targetTip(), method, null, HUB,
                                        "Merge " + head.name()));
                                return true;
                            } catch (RefConflictException | GitLockedException moved) {
                                // Moved under us, or its lock held past RefUpdater's waits (a loaded machine
                                // deschedules the holder): nothing was written either way; go again.
                                retries.incrementAndGet();
                                // Jittered backoff, as a web caller retrying a 409 would do.
                                Thread.sleep(ThreadLocalRandom.current().nextInt(1, 5 * attempt + 2));
                            }
                        }
                        return false; // gave up cleanly: the caller reports 409, nothing half-done
                    }));
                }
                go.countDown();
                List<Integer> merged = new ArrayList<>();
                for (int i = 0; i < PULL_REQUESTS; i++) {
                    if (outcomes.get(i).get()) {
                        merged.add(i);
                    }
                }
                pool.shutdown();
                long millis = (System.nanoTime() - started) / 1_000_000;

                ObjectId tip = repo.exactRef("refs/heads/main").getObjectId();
                List<String> files = Trees.list(repo, tip, "configs", false, 100).entries().stream()
                        .map(e -> e.name()).toList();
                try (RevWalk walk = new RevWalk(repo)) {
                    for (int i = 0; i < PULL_REQUESTS; i++) {
                        boolean onMain = files.contains("chip-" + i + ".yaml");
                        assertThat(onMain).as("PR %d on main iff it reported success", i).isEqualTo(merged.contains(i));
                        if (merged.contains(i) && i % 2 == 0) {
                            assertThat(walk.isMergedInto(walk.parseCommit(heads.get(i)), walk.parseCommit(tip)))
                                    .as("merge-commit PR %d reachable from main", i).isTrue();
                        }
                        walk.reset();
                    }
                }
                assertThat(merged).as("with %d attempts each most merges land", MAX_ATTEMPTS).hasSizeGreaterThan(PULL_REQUESTS / 2);
                System.out.printf("%d concurrent merges: %d landed, %d gave up, %d CAS retries, %d ms%n",
                        PULL_REQUESTS, merged.size(), PULL_REQUESTS - merged.size(), retries.get(), millis);
            }
        }
    }
}
