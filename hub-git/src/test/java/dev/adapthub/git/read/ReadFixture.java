package dev.adapthub.git.read;

import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.junit.TestRepository;
import org.eclipse.jgit.lib.Constants;

/** An in-memory repository with HEAD on main, as the store creates them. */
final class ReadFixture {
    final InMemoryRepository repo = new InMemoryRepository(new DfsRepositoryDescription("read-test"));
    final TestRepository<InMemoryRepository> git;

    ReadFixture() throws Exception {
        git = new TestRepository<>(repo);
        repo.updateRef(Constants.HEAD).link("refs/heads/main");
    }

    static final String POINTER = """
            version https://git-lfs.github.com/spec/v1
            oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393
            size 12345
            """;
}
