package dev.adapthub.git.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adapthub.git.GitConflictException;
import dev.adapthub.git.GitNotFoundException;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryStoreTest {
    @TempDir
    Path root;
    RepositoryStore store;

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void createsBareRepositoryKeyedByIdWithHeadOnMain() throws Exception {
        store = new RepositoryStore(root);
        RepoId id = RepoId.random();

        store.create(id);

        String hex = id.toString();
        assertThat(store.directory(id)).isEqualTo(root.resolve("repos/" + hex.substring(0, 2) + "/" + hex + ".git"));
        assertThat(store.exists(id)).isTrue();
        try (Repository repo = store.open(id)) {
            assertThat(repo.isBare()).isTrue();
            assertThat(repo.exactRef(Constants.HEAD).getTarget().getName()).isEqualTo("refs/heads/main");
        }
        assertThat(root.resolve("tmp")).isEmptyDirectory();
    }

    @Test
    void openReturnsTheCachedInstanceAndSurvivesCallersClosingIt() throws Exception {
        store = new RepositoryStore(root);
        RepoId id = RepoId.random();
        store.create(id);

        Repository first;
        try (Repository repo = store.open(id)) {
            first = repo;
        }
        try (Repository again = store.open(id)) {
            assertThat(again).isSameAs(first);
            assertThat(again.getRefDatabase().getRefs()).isEmpty();
        }
    }

    @Test
    void createTwiceIsAConflictAndUnknownIdIsNotFound() throws Exception {
        store = new RepositoryStore(root);
        RepoId id = RepoId.random();
        store.create(id);

        assertThatThrownBy(() -> store.create(id)).isInstanceOf(GitConflictException.class)
                .hasMessageContaining("already exists");
        RepoId missing = RepoId.random();
        assertThatThrownBy(() -> store.open(missing)).isInstanceOf(GitNotFoundException.class);
        assertThatThrownBy(() -> store.delete(missing)).isInstanceOf(GitNotFoundException.class);
    }

    @Test
    void deleteRemovesTheRepositoryAndItsCacheEntry() throws Exception {
        store = new RepositoryStore(root);
        RepoId id = RepoId.random();
        store.create(id);
        store.open(id).close();

        store.delete(id);

        assertThat(store.exists(id)).isFalse();
        assertThat(Files.exists(store.directory(id))).isFalse();
        assertThatThrownBy(() -> store.open(id)).isInstanceOf(GitNotFoundException.class);
        store.create(id);
        try (Repository repo = store.open(id)) {
            assertThat(repo.getRefDatabase().getRefs()).isEmpty();
        }
    }

    @Test
    void idRoundTripsThroughItsDirectoryName() {
        RepoId id = RepoId.random();
        assertThat(RepoId.parse(id.toString())).isEqualTo(id);
        assertThat(RepoId.parse(id.value().toString())).isEqualTo(id);
    }
}
