package dev.adapthub.git.http;

import dev.adapthub.git.store.RepoId;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether the (already authenticated) caller may write to the repository: asked for LFS uploads,
 * where the operation is only known after reading the request body. Git pushes are authorized
 * per ref by {@link dev.adapthub.git.receive.PushPolicy} instead.
 */
@FunctionalInterface
public interface WriteAccess {

    boolean mayWrite(HttpServletRequest request, RepoId repository);

    /**
     * Whether the caller may upload LFS objects for a push to {@code refName} (the ref git-lfs
     * names in its batch request, null when it names none). By default, the same as
     * {@link #mayWrite}; a hub lets a pull request's author upload for the PR's own ref.
     */
    default boolean mayUpload(HttpServletRequest request, RepoId repository, String refName) {
        return mayWrite(request, repository);
    }

    /**
     * Whether the caller, who may read the repository, may also be handed its objects by a download
     * batch request. Asked because a store's download links (presigned URLs of a bucket) do not come
     * back to the hub, so a restriction on downloads (a gated repository) must hold here. By
     * default, every reader may.
     */
    default boolean mayDownload(HttpServletRequest request, RepoId repository) {
        return true;
    }
}
