package dev.adapthub.git.lfs;

import dev.adapthub.git.store.RepoId;
import dev.adapthub.git.store.RepositoryStore;

/**
 * Which {@link LfsObjectStore} holds a repository's LFS objects.
 * <p>
 * The default keeps them inside the bare repository ({@code {repo}.git/lfs/objects/ab/cd/…},
 * where Git's own LFS client keeps them too): an object is only reachable through a repository
 * it was uploaded to, so knowing a hash never opens another (private) repository's content,
 * and deleting a repository deletes its objects. The price is no deduplication across
 * repositories; a shared store needs a per-repository index of oids to be safe (the hub's
 * object-storage implementation keeps one).
 */
@FunctionalInterface
public interface LfsStores {

    LfsObjectStore forRepository(RepoId id);

    static LfsStores insideRepositories(RepositoryStore repositories, long maxObjectBytes) {
        return id -> insideRepository(repositories, id, maxObjectBytes);
    }

    /** The files of one repository's objects, where {@link #insideRepositories} keeps them. */
    static LfsStore insideRepository(RepositoryStore repositories, RepoId id, long maxObjectBytes) {
        return new LfsStore(repositories.directory(id).resolve("lfs").resolve("objects"), maxObjectBytes);
    }
}
