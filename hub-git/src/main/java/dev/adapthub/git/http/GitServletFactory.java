package dev.adapthub.git.http;

import dev.adapthub.git.receive.ReceivePackConfigurator;
import dev.adapthub.git.store.RepositoryStore;

import org.eclipse.jgit.http.server.GitServlet;

/**
 * Builds JGit's smart-HTTP {@link GitServlet} for the hub: repositories come from the
 * {@link RepositoryStore} through the hub's {@link RepositoryLookup}; pushes need an
 * authenticated user ({@code getRemoteUser()}) and pass the hub's push rules.
 * <p>
 * The servlet finds the repository in {@code getPathInfo()}: map it at a prefix such as
 * {@code /git/*} (or forward there), so that {@code /git/alice/model.git/info/refs} resolves
 * {@code alice/model}. Authentication is the container's (hub-web's) job; this servlet never
 * sees credentials.
 */
public final class GitServletFactory {

    private GitServletFactory() {
    }

    public static GitServlet create(RepositoryStore store, RepositoryLookup lookup, ReceivePackConfigurator receive) {
        GitServlet servlet = new GitServlet();
        servlet.setRepositoryResolver(new HubRepositoryResolver(store, lookup));
        servlet.setReceivePackFactory(new HubReceivePackFactory(receive));
        return servlet;
    }
}
