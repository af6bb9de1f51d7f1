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
}
