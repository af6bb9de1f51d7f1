package dev.adapthub.core.adaptation;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RefsMoved;
import dev.adapthub.core.repo.content.RepoFiles;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reacts to a moved default branch: flags the rows whose config or model {@code config.json}
 * the move changed (so pages show them stale at once) and schedules the repository's
 * re-validation in the background. Never fails the push or commit that moved the branch.
 */
@Component
public class AdaptationRefresh {

    private static final Logger log = LoggerFactory.getLogger(AdaptationRefresh.class);

    private final RepoService repos;
    private final RepoFiles files;
    private final AdaptationIndex index;
    private final ObjectProvider<SchedulerClient> scheduler;

    private final AdaptationCatchUp catchUp;

    AdaptationRefresh(RepoService repos, RepoFiles files, AdaptationIndex index, AdaptationCatchUp catchUp,
            ObjectProvider<SchedulerClient> scheduler) {
        this.repos = repos;
        this.files = files;
        this.index = index;
        this.catchUp = catchUp;
        this.scheduler = scheduler;
    }

    /**
     * Flags rows whose backend or catalog version changed and schedules the re-validation of
     * every repository with stale rows or rows behind its default branch. Returns how many.
     */
    public int scheduleOutOfDate() {
        int scheduled = 0;
        for (long id : catchUp.outOfDate()) {
            schedule(id);
            scheduled++;
        }
        return scheduled;
    }

    @EventListener
    void refsMoved(RefsMoved event) {
        Optional<Repo> found = repos.findById(event.repoId());
        if (found.isEmpty()) {
            return;
        }
        Repo repo = found.get();
        String ref = "refs/heads/" + repo.defaultBranch();
        Optional<RefsMoved.Move> move = event.moves().stream().filter(m -> m.ref().equals(ref)).findFirst();
        if (move.isEmpty()) {
            return;
        }
        try {
            if (!move.get().deleted() && !move.get().oldId().equals(org.eclipse.jgit.lib.ObjectId.zeroId())) {
                List<String> changed = files.changedPaths(repo, move.get().oldId(), move.get().newId());
                index.markStale(repo, move.get().newId(), changed);
            }
            schedule(repo.id());
        } catch (RuntimeException e) {
            log.warn("Could not schedule the re-validation of {} after its default branch moved: {}",
                    repo.fullName(), e.toString());
        }
    }

    void schedule(long repositoryId) {
        SchedulerClient client = scheduler.getIfAvailable();
        if (client != null) {
            AdaptationJobs.schedule(client, repositoryId);
        }
    }
}
