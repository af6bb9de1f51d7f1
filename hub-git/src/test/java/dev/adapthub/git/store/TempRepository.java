package dev.adapthub.git.store;

import dev.adapthub.git.GitException;

import java.nio.file.Path;

import org.eclipse.jgit.lib.Repository;

/** A fresh bare repository from a real {@link RepositoryStore} under a test's temp directory. */
public final class TempRepository implements AutoCloseable {
    public final RepositoryStore store;
    public final RepoId id = RepoId.random();
    public final Repository repo;

    public TempRepository(Path root) throws GitException {
        store = new RepositoryStore(root);
        store.create(id);
        repo = store.open(id);
    }

    @Override
    public void close() {
        repo.close();
        store.close();
    }
}
