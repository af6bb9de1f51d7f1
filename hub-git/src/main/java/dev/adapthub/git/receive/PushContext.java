package dev.adapthub.git.receive;

import dev.adapthub.git.store.RepoId;

import java.util.Objects;

/**
 * Who pushes where.
 *
 * @param repository the repository being pushed to
 * @param user the authenticated user name as the hub's security layer set it
 *        ({@code HttpServletRequest#getRemoteUser()}); never null
 */
public record PushContext(RepoId repository, String user) {
    public PushContext {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(user, "user");
    }
}
