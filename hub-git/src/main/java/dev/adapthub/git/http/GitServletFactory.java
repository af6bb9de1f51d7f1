package dev.adapthub.git.http;

import dev.adapthub.git.lfs.LfsStores;
import dev.adapthub.git.receive.ReceivePackConfigurator;
import dev.adapthub.git.store.RepositoryStore;

import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.http.server.resolver.AsIsFileService;

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

    /**
     * The Git servlet alone.
     *
     * @param lookup URL name → repository (and read permission)
     * @param receive the hub's push rules
     */
    public static GitServlet create(RepositoryStore store, RepositoryLookup lookup, ReceivePackConfigurator receive) {
        GitServlet servlet = new GitServlet();
        // Smart HTTP only: the dumb protocol would serve raw repository files to old clients.
        servlet.setAsIsFileService(AsIsFileService.DISABLED);
        servlet.setRepositoryResolver(new HubRepositoryResolver(store, lookup));
        servlet.setReceivePackFactory(new HubReceivePackFactory(receive));
        return servlet;
    }

    /**
     * Git and Git LFS behind one servlet ({@link GitHttpServlet}): what hub-web registers.
     *
     * @param lfsStores where each repository's LFS objects live
     * @param writeAccess who may upload LFS objects
     * @param realm the Basic auth realm named in 401 challenges
     */
    public static GitHttpServlet createWithLfs(RepositoryStore store, RepositoryLookup lookup,
            ReceivePackConfigurator receive, LfsStores lfsStores, WriteAccess writeAccess, String realm) {
        return createWithLfs(store, lookup, receive, lfsStores, writeAccess, UploadLinks.UNSIGNED, realm);
    }

    /** As above, with upload links signed by {@code uploadLinks} (for clients that send no credentials to them). */
    public static GitHttpServlet createWithLfs(RepositoryStore store, RepositoryLookup lookup,
            ReceivePackConfigurator receive, LfsStores lfsStores, WriteAccess writeAccess, UploadLinks uploadLinks,
            String realm) {
        return new GitHttpServlet(create(store, lookup, receive),
                new LfsServlet(lfsStores, lookup, writeAccess, uploadLinks), realm);
    }
}
