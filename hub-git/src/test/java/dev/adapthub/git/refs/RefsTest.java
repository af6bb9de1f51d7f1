package dev.adapthub.git.refs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names inside an existing ref are answered "none" without asking the file system (see {@link Refs}). */
class RefsTest {

    @TempDir Path dir;

    @Test
    void aNameInsideAnExistingLooseRefIsNoRefAndRealRefsAreFound() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            Files.writeString(dir.resolve("a.txt"), "a");
            git.add().addFilepattern("a.txt").call();
            RevCommit commit = git.commit().setMessage("a").setAuthor("t", "t@example.org")
                    .setCommitter("t", "t@example.org").setSign(false).call();
            git.branchCreate().setName("feature/x").call();
            Repository repo = git.getRepository();
            assertThat(Files.isRegularFile(dir.resolve(".git/refs/heads/main"))).as("main is a loose ref file").isTrue();

            assertThat(Refs.exact(repo, "refs/heads/main/config")).isNull();
            assertThat(Refs.exact(repo, "refs/heads/main/a/b/c")).isNull();
            assertThat(Refs.exact(repo, "refs/heads/main").getObjectId()).isEqualTo(commit);
            assertThat(Refs.exact(repo, "refs/heads/feature/x").getObjectId()).isEqualTo(commit);
            assertThat(Refs.exact(repo, "refs/heads/feature")).isNull();
            assertThat(Refs.exact(repo, "HEAD").getObjectId()).isEqualTo(commit);
        }
    }
}
