package dev.adapthub.core.pull;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.account.AccountService;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RefsMoved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Moves the head of every open pull request whose source moved (a push to {@code refs/pr/{n}}
 * or to a branch, a hub commit), which makes earlier approvals stale and starts the checks.
 */
@Component
class PullRefListener {

    private static final Logger log = LoggerFactory.getLogger(PullRefListener.class);

    private final PullRequestService pulls;
    private final RepoService repos;
    private final AccountService accounts;

    PullRefListener(PullRequestService pulls, RepoService repos, AccountService accounts) {
        this.pulls = pulls;
        this.repos = repos;
        this.accounts = accounts;
    }

    @EventListener
    void onRefsMoved(RefsMoved event) {
        repos.findById(event.repoId()).ifPresent(repo -> {
            Account actor = event.actor() == null ? null : accounts.findByName(event.actor()).orElse(null);
            for (RefsMoved.Move move : event.moves()) {
                if (move.deleted()) {
                    continue;
                }
                try {
                    pulls.sourceMoved(repo, move.ref(), move.newId(), actor);
                } catch (RuntimeException e) {
                    // The push or commit has happened and must not look failed; the PR keeps its
                    // previous head (and checks) until its source moves again or it is reopened.
                    log.warn("Pull requests of {} did not follow {} to {}: {}", repo.fullName(), move.ref(),
                            move.newId().name(), e.toString(), e);
                }
            }
        });
    }
}
