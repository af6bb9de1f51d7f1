package dev.adapthub.git.http;

import dev.adapthub.git.store.RepoId;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;

/**
 * The hub's answer to "which repository does this URL name, and may this request see it?".
 * Implemented by hub-web over its database and security context. Answer empty both when no
 * repository has that name and when the caller may not read it, so that private repositories
 * do not leak their existence (the client sees 404 either way).
 */
@FunctionalInterface
public interface RepositoryLookup {

    /**
     * @param name the repository part of the URL without leading {@code /} and trailing
     *        {@code .git}, e.g. {@code alice/llama-npu} or {@code datasets/alice/prompts}; not yet
     *        validated, may be hostile
     */
    Optional<RepoId> find(HttpServletRequest request, String name);
}
