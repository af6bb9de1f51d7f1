package dev.adapthub.core.repo.content;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.git.GitException;
import dev.adapthub.git.GitInvalidInputException;
import dev.adapthub.git.refs.RefUpdater;
import dev.adapthub.git.store.RepositoryStore;
import dev.adapthub.git.write.CommitResult;
import dev.adapthub.git.write.Commits;
import dev.adapthub.git.write.FileChange;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates a repository together with its first files, as one unit: the files are checked before
 * anything exists, and if anything fails afterwards (storage, a race on the name, a bug) the
 * transaction rolls back and {@link RepoService#create} removes the bare repository it made. So a
 * refused create leaves no database row and no directory. The files may come from a client
 * ({@code createRepo({files})}) or from the hub itself (a generated README).
 * <p>
 * The first commit is part of creating, so it is not subject to the commit rules of an existing
 * default branch: whoever may create the repository may give it its first files.
 */
@Service
public class RepoCreation {

    private final RepoService repos;
    private final RepositoryStore store;
    private final Commits commits;
    private final RepoIndexer indexer;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    RepoCreation(RepoService repos, RepositoryStore store, RefUpdater refs, RepoIndexer indexer,
            ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.repos = repos;
        this.store = store;
        this.commits = new Commits(refs);
        this.indexer = indexer;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * @param files the first commit's files, empty for an empty repository
     * @throws InvalidInputException naming the first unusable path, before anything is created
     */
    public Repo create(Account creator, NewRepo request, String message, List<FileChange> files) {
        if (!files.isEmpty()) {
            check(message, files);
        }
        CommitResult[] first = new CommitResult[1];
        Repo repo = transaction.execute(status -> {
            Repo created = repos.create(creator, request);
            if (!files.isEmpty()) {
                first[0] = commit(created, creator, message, files);
                indexer.refresh(created);
            }
            return created;
        });
        if (first[0] != null) {
            // After the commit of the transaction, as for every other commit: listeners see the row.
            events.publishEvent(new RefsMoved(repo.id(), creator.name(), List.of(
                    new RefsMoved.Move(first[0].refName(), ObjectId.zeroId(), first[0].commitId()))));
        }
        return repo;
    }

    /** Checks the first commit of a new repository without creating anything. */
    public static void check(String message, List<FileChange> files) {
        try {
            Commits.checkMessage(message);
            Commits.checkChanges(files);
        } catch (GitInvalidInputException e) {
            throw GitErrors.translate(e);
        }
    }

    private CommitResult commit(Repo repo, Account creator, String message, List<FileChange> files) {
        try (Repository git = store.open(repos.storageOf(repo))) {
            return commits.commit(git, repo.defaultBranch(), ObjectId.zeroId(),
                    new PersonIdent(creator.displayName(), creator.email()), message, files);
        } catch (GitException e) {
            throw GitErrors.translate(e);
        }
    }
}
