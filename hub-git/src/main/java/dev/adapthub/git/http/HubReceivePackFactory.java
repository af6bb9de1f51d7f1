package dev.adapthub.git.http;

import dev.adapthub.git.receive.PushContext;
import dev.adapthub.git.receive.ReceivePackConfigurator;
import dev.adapthub.git.store.RepoId;

import jakarta.servlet.http.HttpServletRequest;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.resolver.ReceivePackFactory;
import org.eclipse.jgit.transport.resolver.ServiceNotAuthorizedException;
import org.eclipse.jgit.transport.resolver.ServiceNotEnabledException;

/**
 * Receive-pack for authenticated users only (anonymous pushes get 401, so git asks for
 * credentials), configured by the hub's {@link ReceivePackConfigurator}.
 */
final class HubReceivePackFactory implements ReceivePackFactory<HttpServletRequest> {
    private final ReceivePackConfigurator configurator;

    HubReceivePackFactory(ReceivePackConfigurator configurator) {
        this.configurator = configurator;
    }

    @Override
    public ReceivePack create(HttpServletRequest req, Repository db)
            throws ServiceNotEnabledException, ServiceNotAuthorizedException {
        String user = req.getRemoteUser();
        if (user == null || user.isEmpty()) {
            throw new ServiceNotAuthorizedException();
        }
        Object id = req.getAttribute(HubRepositoryResolver.REPO_ID_ATTRIBUTE);
        if (!(id instanceof RepoId repoId)) {
            // Only reachable if someone wires this factory without HubRepositoryResolver.
            throw new ServiceNotEnabledException("push is not available for this repository");
        }
        ReceivePack rp = new HubReceivePack(db);
        configurator.configure(rp, new PushContext(repoId, user));
        return rp;
    }
}
