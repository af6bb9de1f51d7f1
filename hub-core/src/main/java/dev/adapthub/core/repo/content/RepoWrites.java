package dev.adapthub.core.repo.content;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.common.ForbiddenException;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoPermission;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.push.LfsPointers;
import dev.adapthub.git.GitException;
import dev.adapthub.git.refs.RefUpdater;
import dev.adapthub.git.store.RepositoryStore;
import dev.adapthub.git.write.CommitResult;
import dev.adapthub.git.write.Commits;
import dev.adapthub.git.write.FileChange;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Commits made through the hub (browser uploads and edits, API commits, seeding): the caller's
 * permission is checked, protected branches follow their rules ({@link CommitGuard}s; without
 * any, the default branch needs maintainer rights), a Git LFS pointer file must name an object
 * uploaded to the repository, and the branch moves only if it is still where the caller's edit started.
 */
@Service
public class RepoWrites {

    private final RepositoryStore store;
    private final RepoService repos;
    private final Commits commits;
    private final RepoIndexer indexer;
    private final ApplicationEventPublisher events;
    private final List<CommitGuard> guards;
    private final LfsPointers pointers;

    RepoWrites(RepositoryStore store, RepoService repos, RefUpdater refs, RepoIndexer indexer,
            ApplicationEventPublisher events, List<CommitGuard> guards, LfsPointers pointers) {
        this.guards = List.copyOf(guards);
        this.pointers = pointers;
        this.store = store;
        this.repos = repos;
        this.commits = new Commits(refs);
        this.indexer = indexer;
        this.events = events;
    }

    /** Without branch protection rules: only maintainers commit to the default branch. */
    private static CommitGuard.Verdict defaultBranchRule(Repo repo, RepoPermission permission, String branch) {
        if (branch.equals(repo.defaultBranch()) && !permission.allows(RepoPermission.MAINTAIN)) {
            return CommitGuard.Verdict.refuse("The branch '" + branch + "' is protected: propose the change as a"
                    + " pull request instead.");
        }
        return CommitGuard.Verdict.allow();
    }

    /**
     * @param expectedParent the commit the edit was based on, {@code null} for the branch's current tip
     * @throws dev.adapthub.core.common.ConflictException when the branch moved meanwhile
     */
    public CommitResult commit(Repo repo, Account author, String branch, ObjectId expectedParent, String message,
            List<FileChange> changes) {
        repos.require(repo, author, RepoPermission.WRITE);
        RepoPermission permission = repos.permission(repo, author);
        CommitGuard.Verdict verdict = guards.stream().map(g -> g.check(repo, author, permission, branch))
                .flatMap(Optional::stream).findFirst()
                .orElseGet(() -> defaultBranchRule(repo, permission, branch));
        if (!verdict.allowed()) {
            throw new ForbiddenException(verdict.reason());
        }
        pointers.requireUploaded(repo, branch, changes);
        PersonIdent ident = new PersonIdent(author.displayName(), author.email());
        CommitResult result;
        try {
            result = commits.commit(store.open(repos.storageOf(repo)), branch, expectedParent, ident, message, changes);
        } catch (GitException e) {
            throw GitErrors.translate(e);
        }
        if (branch.equals(repo.defaultBranch())) {
            indexer.refresh(repo);
        }
        ObjectId before = result.parentId() == null ? ObjectId.zeroId() : result.parentId();
        events.publishEvent(new RefsMoved(repo.id(), author.name(),
                List.of(new RefsMoved.Move(result.refName(), before, result.commitId()))));
        return result;
    }
}
