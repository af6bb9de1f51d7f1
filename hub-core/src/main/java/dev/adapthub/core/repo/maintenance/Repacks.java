package dev.adapthub.core.repo.maintenance;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RefsMoved;
import dev.adapthub.git.GitException;
import dev.adapthub.git.GitLockedException;
import dev.adapthub.git.GitNotFoundException;
import dev.adapthub.git.maintenance.ObjectCounts;
import dev.adapthub.git.maintenance.RepackResult;
import dev.adapthub.git.maintenance.Repacker;
import dev.adapthub.git.store.RepoId;
import dev.adapthub.git.store.RepositoryStore;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.lib.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps repositories packed: after every push and hub commit ({@link RefsMoved}) it counts the
 * repository's pack files and loose objects (a directory listing) and, past the configured
 * {@link RepackSettings limits}, puts a repack on the job queue. The repack itself runs in the
 * background, one repository at a time in this process, and never delays the push.
 */
@Component
class Repacks {

    private static final Logger log = LoggerFactory.getLogger(Repacks.class);

    private final RepoService repos;
    private final RepositoryStore store;
    private final Repacker repacker;
    private final RepackSettings settings;
    private final ObjectProvider<SchedulerClient> scheduler;
    /**
     * Packs larger than this without a bitmap are repacked after the push that left them: below it a
     * clone's object counting is quick anyway (issue #15).
     */
    static final long BITMAP_MIN_PACK_BYTES = 16L * 1024 * 1024;
    private final ReentrantLock oneAtATime = new ReentrantLock();
    /**
     * Loose objects a repack left (unreachable ones younger than Git's prune age stay loose), so
     * they do not trigger the next repack again. Per process: another process learns them after
     * its first repack of the repository.
     */
    private final Map<String, Long> looseAfterRepack = new ConcurrentHashMap<>();

    Repacks(RepoService repos, RepositoryStore store, Repacker repacker, RepackSettings settings,
            ObjectProvider<SchedulerClient> scheduler) {
        this.repos = repos;
        this.store = store;
        this.repacker = repacker;
        this.settings = settings;
        this.scheduler = scheduler;
    }

    @EventListener
    void refsMoved(RefsMoved event) {
        try {
            repos.findById(event.repoId()).ifPresent(repo -> scheduleIfDue(repos.storageOf(repo)));
        } catch (RuntimeException e) {
            log.warn("Could not check whether repository {} needs a repack: {}", event.repoId(), e.toString());
        }
    }

    /** Schedules a repack of the repository if it is past a limit; true when one is (or already was) queued. */
    boolean scheduleIfDue(RepoId storage) {
        String id = storage.toString();
        ObjectCounts counts;
        boolean lacksBitmap;
        try (Repository git = store.open(storage)) {
            counts = repacker.counts(git);
            lacksBitmap = repacker.lacksBitmap(git, BITMAP_MIN_PACK_BYTES);
        } catch (GitException e) {
            log.warn("Could not count the objects of repository {}: {}", id, e.getMessage());
            return false;
        }
        ObjectCounts sinceRepack = new ObjectCounts(counts.packs(),
                counts.looseObjects() - looseAfterRepack.getOrDefault(id, 0L));
        if (!sinceRepack.exceed(settings.limits()) && !lacksBitmap) {
            return false;
        }
        SchedulerClient client = scheduler.getIfAvailable();
        if (client == null) {
            return false;
        }
        if (client.scheduleIfNotExists(RepackJobs.REPACK.instance(RepackJobs.instanceId(id)).data(id).build(),
                Instant.now())) {
            log.debug("Repository {} has {} packs and {} loose objects: repack scheduled", id, counts.packs(),
                    counts.looseObjects());
        }
        return true;
    }

    /**
     * Repacks the repository unless this process is repacking another one right now.
     *
     * @return false when it did not run and should be tried again shortly
     */
    boolean runExclusively(String storageId) {
        if (!oneAtATime.tryLock()) {
            return false;
        }
        try {
            return repack(RepoId.parse(storageId));
        } finally {
            oneAtATime.unlock();
        }
    }

    private boolean repack(RepoId storage) {
        String id = storage.toString();
        try (Repository git = store.open(storage)) {
            RepackResult result = repacker.repack(git);
            if (!result.ran()) {
                log.info("Repository {}: another process is repacking it; skipped", id);
                return true;
            }
            looseAfterRepack.put(id, result.after().looseObjects());
            log.info("Repacked repository {}: packs {} -> {}, loose objects {} -> {}, bitmap {}, {} ms", id,
                    result.before().packs(), result.after().packs(), result.before().looseObjects(),
                    result.after().looseObjects(), result.bitmap() ? "written" : "none", result.tookMillis());
            return true;
        } catch (GitNotFoundException e) {
            return true;
        } catch (GitLockedException e) {
            log.info("Repository {}: busy, repack postponed", id);
            return false;
        } catch (GitException e) {
            // The next push schedules it again; a job retrying a broken repository forever helps nobody.
            log.warn("Could not repack repository {}: {}", id, e.getMessage(), e.getCause());
            return true;
        }
    }
}
