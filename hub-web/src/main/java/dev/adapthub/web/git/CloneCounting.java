package dev.adapthub.web.git;

import dev.adapthub.core.popularity.DownloadCounter;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.web.status.HubMetrics;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import org.eclipse.jgit.http.server.resolver.DefaultUploadPackFactory;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PreUploadHook;
import org.eclipse.jgit.transport.ServiceMayNotContinueException;
import org.eclipse.jgit.transport.UploadPack;
import org.eclipse.jgit.transport.resolver.ServiceNotAuthorizedException;
import org.eclipse.jgit.transport.resolver.ServiceNotEnabledException;
import org.eclipse.jgit.transport.resolver.UploadPackFactory;

/**
 * Counts fresh clones as downloads. The rule: a {@code git-upload-pack} that sends a pack although
 * negotiation found no commit in common with the client (JGit's {@code onSendPack} with no common
 * base) is a clone, shallow or not; a fetch that has something in common is not; an up-to-date
 * fetch sends no pack at all. Counted once per pack, in the process that sends it.
 */
final class CloneCounting implements UploadPackFactory<HttpServletRequest> {

    private final UploadPackFactory<HttpServletRequest> delegate = new DefaultUploadPackFactory();
    private final DownloadCounter counter;
    private final HubMetrics metrics;

    CloneCounting(DownloadCounter counter, HubMetrics metrics) {
        this.counter = counter;
        this.metrics = metrics;
    }

    @Override
    public UploadPack create(HttpServletRequest request, Repository db)
            throws ServiceNotEnabledException, ServiceNotAuthorizedException {
        UploadPack pack = delegate.create(request, db);
        Object resolved = request.getAttribute(HubRepositoryLookup.RESOLVED);
        if (resolved instanceof Repo repo) {
            String agent = request.getHeader("User-Agent");
            pack.setPreUploadHook(new PreUploadHook() {
                @Override
                public void onBeginNegotiateRound(UploadPack up, Collection<? extends ObjectId> wants, int cntOffered) {
                }

                @Override
                public void onEndNegotiateRound(UploadPack up, Collection<? extends ObjectId> wants, int cntCommon,
                        int cntNotFound, boolean ready) {
                }

                @Override
                public void onSendPack(UploadPack up, Collection<? extends ObjectId> wants,
                        Collection<? extends ObjectId> haves) throws ServiceMayNotContinueException {
                    if (haves.isEmpty()) {
                        counter.repository(repo.id(), agent);
                        metrics.cloned();
                    }
                }
            });
        }
        return pack;
    }
}
