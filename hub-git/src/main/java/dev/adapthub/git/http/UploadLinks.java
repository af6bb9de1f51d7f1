package dev.adapthub.git.http;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Turns the upload link of an LFS batch answer into one the client may use without credentials.
 * Git's own LFS client repeats the action's {@code header} (our {@code Authorization}); the
 * Hugging Face JavaScript client does not, it PUTs to the bare {@code href} as it would to a
 * pre-signed storage URL. The web layer signs the link for the caller so both work.
 */
@FunctionalInterface
public interface UploadLinks {

    /** Links stay as they are (credentials travel in the action's header only). */
    UploadLinks UNSIGNED = (request, href) -> href;

    /** @return the href to answer, for the authenticated caller of {@code request} */
    String sign(HttpServletRequest request, String href);
}
