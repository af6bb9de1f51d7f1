package dev.adapthub.git.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adapthub.git.GitInvalidInputException;
import dev.adapthub.git.GitNotFoundException;
import dev.adapthub.git.RefConflictException;
import dev.adapthub.git.read.Blobs;
import dev.adapthub.git.read.TreeEntry;
import dev.adapthub.git.read.Trees;
import dev.adapthub.git.refs.RefChange;
import dev.adapthub.git.refs.RefNames;
import dev.adapthub.git.refs.RefUpdater;
import dev.adapthub.git.store.TempRepository;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommitsTest {
    static final PersonIdent ALICE = new PersonIdent("Alice", "alice@example.org");

    @TempDir
    Path root;
    TempRepository temp;
    Repository repo;
    Commits commits;

    @BeforeEach
    void setUp() throws Exception {
        temp = new TempRepository(root);
        repo = temp.repo;
        commits = new Commits(new RefUpdater());
    }

    @AfterEach
    void tearDown() {
        temp.close();
    }

    @Test
    void firstCommitCreatesTheBranchAndLaterOnesBuildOnIt() throws Exception {
        CommitResult first = commits.commit(repo, "main", ObjectId.zeroId(), ALICE, "Add model card",
                List.of(FileChange.put("README.md", "# Model\n"), FileChange.put("configs/npu.yaml", "a: 1\n"),
                        FileChange.put("configs/gpu.yaml", "a: 2\n"), FileChange.put("tools/run.sh", "#!/bin/sh\n")));
        assertThat(first.parentId()).isNull();
        assertThat(first.refName()).isEqualTo("refs/heads/main");

        CommitResult second = commits.commit(repo, "main", first.commitId(), ALICE, "Tune NPU config",
                List.of(FileChange.put("configs/npu.yaml", "a: 3\n"), FileChange.delete("README.md"),
                        FileChange.deleteFolder("tools")));

        assertThat(second.parentId()).isEqualTo(first.commitId());
        assertThat(repo.exactRef("refs/heads/main").getObjectId()).isEqualTo(second.commitId());
        assertThat(Trees.list(repo, second.commitId(), "", true, 100).entries()).extracting(TreeEntry::path)
                .containsExactly("configs/gpu.yaml", "configs/npu.yaml");
        try (InputStream in = Blobs.open(repo, second.commitId(), "configs/npu.yaml").openStream()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("a: 3\n");
        }
    }

    @Test
    void nullParentMeansCurrentTipAndStreamsContentFromFiles() throws Exception {
        Path upload = root.resolve("upload.bin");
        Files.write(upload, new byte[300_000]);
        CommitResult first = commits.commit(repo, "main", null, ALICE, "Upload", List.of(new FileChange.Put("w.bin", Content.of(upload))));
        CommitResult second = commits.commit(repo, "main", null, ALICE, "More", List.of(FileChange.put("x", "x")));
        assertThat(second.parentId()).isEqualTo(first.commitId());
        assertThat(Trees.entry(repo, second.commitId(), "w.bin").size()).isEqualTo(300_000);
    }

    @Test
    void staleExpectedParentOrExistingBranchIsAConflict() throws Exception {
        CommitResult first = commits.commit(repo, "main", null, ALICE, "one", List.of(FileChange.put("a", "1")));
        commits.commit(repo, "main", first.commitId(), ALICE, "two", List.of(FileChange.put("a", "2")));

        assertThatThrownBy(() -> commits.commit(repo, "main", first.commitId(), ALICE, "stale",
                List.of(FileChange.put("a", "3")))).isInstanceOf(RefConflictException.class);
        assertThatThrownBy(() -> commits.commit(repo, "main", ObjectId.zeroId(), ALICE, "new?",
                List.of(FileChange.put("a", "3")))).isInstanceOf(RefConflictException.class);
    }

    @Test
    void branchMovedWhileCommittingLosesNothing() throws Exception {
        CommitResult base = commits.commit(repo, "main", null, ALICE, "base", List.of(FileChange.put("a", "1")));
        Commits other = new Commits(new RefUpdater());
        ObjectId[] theirs = new ObjectId[1];
        Commits racing = new Commits(new RefUpdater((r, changes) -> {
            try {
                theirs[0] = other.commit(r, "main", base.commitId(), ALICE, "theirs",
                        List.of(FileChange.put("b", "theirs"))).commitId();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }));

        assertThatThrownBy(() -> racing.commit(repo, "main", base.commitId(), ALICE, "mine",
                List.of(FileChange.put("c", "mine")))).isInstanceOf(RefConflictException.class);
        assertThat(repo.exactRef("refs/heads/main").getObjectId()).isEqualTo(theirs[0]);
    }

    @Test
    void refusesEmptyNoOpAndIllFormedChanges() throws Exception {
        CommitResult base = commits.commit(repo, "main", null, ALICE, "base",
                List.of(FileChange.put("a.txt", "1"), FileChange.put("dir/b.txt", "2")));
        ObjectId tip = base.commitId();
        assertThatThrownBy(() -> commits.commit(repo, "main", tip, ALICE, "m", List.of()))
                .isInstanceOf(GitInvalidInputException.class);
        assertThatThrownBy(() -> commits.commit(repo, "main", tip, ALICE, " ", List.of(FileChange.put("x", "1"))))
                .isInstanceOf(GitInvalidInputException.class).hasMessageContaining("message is empty");
        assertThatThrownBy(() -> commits.commit(repo, "main", tip, ALICE, "same", List.of(FileChange.put("a.txt", "1"))))
                .isInstanceOf(GitInvalidInputException.class).hasMessageContaining("nothing to commit");
        assertThatThrownBy(() -> commits.commit(repo, "main", tip, ALICE, "m", List.of(FileChange.put("../x", "1"))))
                .isInstanceOf(GitInvalidInputException.class);
        assertThatThrownBy(() -> commits.commit(repo, "main", tip, ALICE, "m", List.of(FileChange.put(".git/config", "1"))))
                .isInstanceOf(GitInvalidInputException.class);
        assertThatThrownBy(() -> commits.commit(repo, "main", tip, ALICE, "m", List.of(FileChange.put("a.txt/c", "1"))))
                .isInstanceOf(GitInvalidInputException.class).hasMessageContaining("is a file");
        assertThatThrownBy(() -> commits.commit(repo, "main", tip, ALICE, "m", List.of(FileChange.put("dir", "1"))))
                .isInstanceOf(GitInvalidInputException.class).hasMessageContaining("is a folder");
        assertThatThrownBy(() -> commits.commit(repo, "main", tip, ALICE, "m",
                List.of(FileChange.put("x", "1"), FileChange.put("x", "2")))).hasMessageContaining("twice");
        assertThatThrownBy(() -> commits.commit(repo, "main", tip, ALICE, "m", List.of(FileChange.delete("nope"))))
                .isInstanceOf(GitNotFoundException.class);
        assertThatThrownBy(() -> commits.commit(repo, "main", tip, ALICE, "m", List.of(FileChange.deleteFolder("a.txt"))))
                .isInstanceOf(GitNotFoundException.class);
        assertThatThrownBy(() -> commits.commit(repo, "ma..in", tip, ALICE, "m", List.of(FileChange.put("x", "1"))))
                .isInstanceOf(GitInvalidInputException.class);
        assertThat(repo.exactRef("refs/heads/main").getObjectId()).isEqualTo(tip);

        // Replacing a file by a folder works when the file goes in the same commit.
        CommitResult folder = commits.commit(repo, "main", tip, ALICE, "file to folder",
                List.of(FileChange.delete("a.txt"), FileChange.put("a.txt/inner", "1")));
        assertThat(Trees.list(repo, folder.commitId(), "", true, 10).entries()).extracting(TreeEntry::path)
                .containsExactly("a.txt/inner", "dir/b.txt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"git~1/config", "GIT~1/hooks/post-checkout", ".git./config", ".git /config",
            ".git. ./config", ".g\u200Dit/config", ".git\u200C/config", "\u200B.git/config", "a/.GIT\uFEFF/x",
            "GITMOD~1", ".gitmodules\u200D", "weights:v1.bin", "con.txt", "README."})
    void refusesNamesSomeFileSystemReadsAsDotGitWithoutWritingAnything(String path) throws Exception {
        CommitResult base = commits.commit(repo, "main", null, ALICE, "base", List.of(FileChange.put("a.txt", "1")));
        long objects = looseObjects();

        assertThatThrownBy(() -> commits.commit(repo, "main", base.commitId(), ALICE, "m",
                List.of(FileChange.put("fine.txt", "ok"), FileChange.put(path, "[core]\n"))))
                .isInstanceOf(GitInvalidInputException.class).hasMessageStartingWith("path '");

        assertThat(repo.exactRef("refs/heads/main").getObjectId()).isEqualTo(base.commitId());
        assertThat(looseObjects()).as("no blob written before the check").isEqualTo(objects);
    }

    @Test
    void aFileAndAFolderOfTheSameNameInOneChangeAreRefusedInAnyOrder() throws Exception {
        CommitResult base = commits.commit(repo, "main", null, ALICE, "base", List.of(FileChange.put("a.txt", "1")));
        for (List<FileChange> changes : List.of(
                List.of(FileChange.put("n.txt", "file"), FileChange.put("n.txt/x", "inner")),
                List.of(FileChange.put("n.txt/x/y", "inner"), FileChange.put("n.txt", "file")))) {
            assertThatThrownBy(() -> commits.commit(repo, "main", base.commitId(), ALICE, "m", changes))
                    .isInstanceOf(GitInvalidInputException.class)
                    .hasMessageContaining("'n.txt'").hasMessageContaining("either a file or a folder");
        }
        assertThatThrownBy(() -> Commits.checkChanges(List.of(FileChange.put("n.txt", "1"), FileChange.put("n.txt/x", "2"))))
                .isInstanceOf(GitInvalidInputException.class);
        assertThat(repo.exactRef("refs/heads/main").getObjectId()).isEqualTo(base.commitId());
    }

    @Test
    void deletionsApplyBeforeAdditionsWhateverTheirOrder() throws Exception {
        CommitResult base = commits.commit(repo, "main", null, ALICE, "base",
                List.of(FileChange.put("a", "file"), FileChange.put("d/old.txt", "old")));

        CommitResult next = commits.commit(repo, "main", base.commitId(), ALICE, "restructure",
                List.of(FileChange.put("a/inner", "now a folder"), FileChange.delete("a"),
                        FileChange.put("d/new.txt", "new"), FileChange.deleteFolder("d")));

        assertThat(Trees.list(repo, next.commitId(), "", true, 10).entries()).extracting(TreeEntry::path)
                .containsExactly("a/inner", "d/new.txt");
    }

    private long looseObjects() throws Exception {
        try (var files = Files.walk(repo.getDirectory().toPath().resolve("objects"))) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void createsPullRequestRefsThroughTheRefUpdater() throws Exception {
        CommitResult base = commits.commit(repo, "main", null, ALICE, "base", List.of(FileChange.put("a", "1")));
        RefUpdater refs = new RefUpdater();
        refs.update(repo, ALICE, "open PR 1", RefChange.create(RefNames.prRef(1), base.commitId()));
        CommitResult onPr = commits.commit(repo, "refs/heads/feature", ObjectId.zeroId(), ALICE, "branch",
                List.of(FileChange.put("b", "2")));

        assertThat(repo.exactRef("refs/pr/1").getObjectId()).isEqualTo(base.commitId());
        assertThat(onPr.parentId()).isNull();
        assertThatThrownBy(() -> refs.update(repo, ALICE, "again", RefChange.create(RefNames.prRef(1), base.commitId())))
                .isInstanceOf(RefConflictException.class);
        assertThatThrownBy(() -> RefNames.prRef(0)).isInstanceOf(GitInvalidInputException.class);
    }
}
