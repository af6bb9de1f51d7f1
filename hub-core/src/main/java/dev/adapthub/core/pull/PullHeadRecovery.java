package dev.adapthub.core.pull;

import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoService;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * On start, before requests are served: every open pull request whose source ref is not at the
 * head the database records takes that ref's tip, as if the push had just been reported. A push
 * to {@code refs/pr/{n}} or a branch moves the ref first and the PR's head (with its new checks)
 * in a transaction afterwards ({@link PullRefListener}); a hub killed in between, or a backup whose
 * refs were read just after its database snapshot, leaves the two apart until this runs.
 */
@Component
class PullHeadRecovery implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(PullHeadRecovery.class);

    private final PullRequests pulls;
    private final PullRequestService service;
    private final RepoService repos;

    PullHeadRecovery(PullRequests pulls, PullRequestService service, RepoService repos) {
        this.pulls = pulls;
        this.service = service;
        this.repos = repos;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int moved = 0;
        for (PullRequest pr : pulls.findByStateOrderByIdAsc(PullState.OPEN)) {
            try {
                Optional<Repo> repo = repos.findById(pr.repositoryId());
                if (repo.isEmpty()) {
                    continue;
                }
                Optional<ObjectId> tip;
                try (Repository git = service.git(repo.get())) {
                    tip = PullRequestService.tip(git, pr.sourceRef());
                }
                if (tip.isPresent() && !tip.get().name().equals(pr.headCommit())) {
                    log.info("Pull request #{} of {}: {} is at {} but the recorded head is {} (a crash between the"
                            + " push and its record); taking the ref's tip", pr.number(), repo.get().fullName(),
                            pr.sourceRef(), tip.get().name(), pr.headCommit());
                    service.sourceMoved(repo.get(), pr.sourceRef(), tip.get(), null);
                    moved++;
                }
            } catch (RuntimeException e) {
                log.warn("Could not check the head of pull request {} against its ref: {}", pr.id(), e.toString());
            }
        }
        if (moved > 0) {
            log.info("{} pull request head(s) caught up with their refs", moved);
        }
    }

}
