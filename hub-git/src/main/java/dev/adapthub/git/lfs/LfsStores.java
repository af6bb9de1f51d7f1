package dev.adapthub.git.lfs;

import dev.adapthub.git.store.RepoId;
import dev.adapthub.git.store.RepositoryStore;

/**
 * Which {@link LfsStore} holds a repository's LFS objects.
 * <p>
 * The default keeps them inside the bare repository ({@code {repo}.git/lfs/objects/ab/cd/…},
 * where Git's own LFS client keeps them too): an object is only reachable through a repository
 * it was uploaded to, so knowing a hash never opens another (private) repository's content,
 * and deleting a repository deletes its objects. The price is no deduplication across
 * repositories; a shared store would need a per-repository index of oids to be safe.
 */
@FunctionalInterface
public interface LfsStores {

    LfsStore forRepository(RepoId id);

    static LfsStores insideRepositories(RepositoryStore repositories, long maxObjectBytes) {
        return id -> new LfsStore(repositories.directory(id).resolve("lfs").resolve("objects"), maxObjectBytes);
    }
}
