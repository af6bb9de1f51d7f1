package dev.adapthub.web.git;

import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.git.http.RepositoryLookup;
import dev.adapthub.git.store.RepoId;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Hands JGit the repository {@link GitHttpFilter} already resolved and authorised for this
 * request. A request that reached the Git servlet any other way finds nothing (404).
 */
class HubRepositoryLookup implements RepositoryLookup {

    static final String RESOLVED = HubRepositoryLookup.class.getName() + ".repo";

    private final RepoService repos;

    HubRepositoryLookup(RepoService repos) {
        this.repos = repos;
    }

    @Override
    public Optional<RepoId> find(HttpServletRequest request, String name) {
        Object resolved = request.getAttribute(RESOLVED);
        if (resolved instanceof Repo repo && name.equals(repo.urlPath())) {
            return Optional.of(repos.storageOf(repo));
        }
        return Optional.empty();
    }
}
