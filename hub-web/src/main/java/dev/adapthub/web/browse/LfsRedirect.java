package dev.adapthub.web.browse;

import dev.adapthub.git.GitException;
import dev.adapthub.git.http.Conditionals;
import dev.adapthub.git.lfs.LfsLink;
import dev.adapthub.git.lfs.LfsObjectStore;
import dev.adapthub.git.lfs.LfsOid;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * {@code /resolve} of an LFS file whose bytes sit in a bucket: a 302 to a short-lived presigned
 * link, so the bytes flow from the bucket to the client without passing through the hub. The
 * caller has set {@code X-Repo-Commit}, {@code X-Linked-Size} and {@code X-Linked-Etag} on this
 * first answer, which is where the Hugging Face clients read them (they do not follow the redirect
 * for a HEAD). {@code If-None-Match} still answers 304 here; a {@code Range} travels with the
 * redirected request and the bucket honours it.
 */
final class LfsRedirect {

    private LfsRedirect() {
    }

    /** True when the answer was sent (302 or 304); false when the bytes come through the hub. */
    static boolean sent(LfsObjectStore store, LfsOid oid, String fileName, String etag, HttpServletRequest request,
            HttpServletResponse response) {
        Optional<LfsLink> link;
        try {
            link = store.downloadLink(oid, fileName);
        } catch (GitException e) {
            throw new IllegalStateException("could not sign a download link for LFS object " + oid, e);
        }
        if (link.isEmpty()) {
            return false;
        }
        response.setHeader("ETag", etag);
        if (Conditionals.matches(request.getHeader("If-None-Match"), etag)) {
            response.setStatus(304);
            return true;
        }
        // The link is a credential for its lifetime: nobody may cache the answer that carries it.
        response.setHeader("Cache-Control", "private, no-store");
        response.setStatus(302);
        response.setHeader("Location", link.get().href().toString());
        response.setContentLength(0);
        return true;
    }
}
