package dev.adapthub.git.http;

import dev.adapthub.git.GitException;
import dev.adapthub.git.GitNotFoundException;
import dev.adapthub.git.store.RepoId;
import dev.adapthub.git.store.RepositoryStore;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;

import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.ServiceMayNotContinueException;
import org.eclipse.jgit.transport.resolver.RepositoryResolver;
import org.eclipse.jgit.transport.resolver.ServiceNotAuthorizedException;

/**
 * Resolves Git URLs through the hub's {@link RepositoryLookup} to repositories of the store.
 * When the lookup finds nothing for an anonymous caller the answer is 401, not 404 (as GitHub
 * does): git then asks for credentials, which a private repository needs, and an unknown
 * repository looks exactly like a private one. Authenticated callers get 404.
 */
final class HubRepositoryResolver implements RepositoryResolver<HttpServletRequest> {
    /** Request attribute holding the resolved {@link RepoId}, for the receive-pack factory. */
    static final String REPO_ID_ATTRIBUTE = HubRepositoryResolver.class.getName() + ".repoId";

    private final RepositoryStore store;
    private final RepositoryLookup lookup;

    HubRepositoryResolver(RepositoryStore store, RepositoryLookup lookup) {
        this.store = store;
        this.lookup = lookup;
    }

    @Override
    public Repository open(HttpServletRequest req, String path)
            throws RepositoryNotFoundException, ServiceNotAuthorizedException, ServiceMayNotContinueException {
        String name = RepoNames.fromPath(path);
        Optional<RepoId> id = lookup.find(req, name);
        if (id.isEmpty()) {
            if (req.getRemoteUser() == null) {
                throw new ServiceNotAuthorizedException();
            }
            throw new RepositoryNotFoundException(name);
        }
        try {
            Repository repo = store.open(id.get());
            req.setAttribute(REPO_ID_ATTRIBUTE, id.get());
            return repo;
        } catch (GitNotFoundException e) {
            throw new RepositoryNotFoundException(name);
        } catch (GitException e) {
            throw new ServiceMayNotContinueException("repository storage is unavailable, try again later", e);
        }
    }
}
