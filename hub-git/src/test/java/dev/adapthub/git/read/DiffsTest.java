package dev.adapthub.git.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jgit.diff.DiffEntry.ChangeType;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;

class DiffsTest {
    final ReadFixture f;

    DiffsTest() throws Exception {
        f = new ReadFixture();
    }

    @Test
    void showsPerFileUnifiedDiffWithCountsAndMarksBinary() throws Exception {
        RevCommit base = f.git.branch("main").commit()
                .add("config.yaml", "parallel:\n  tensor: 1\nprecision: bf16\n")
                .add("old-name.txt", "same content that is long enough to be detected as a rename\n")
                .add("gone.txt", "bye\n")
                .add("blob.bin", f.git.blob(new byte[] {0, 1, 2})).create();
        RevCommit change = f.git.branch("main").commit().parent(base)
                .add("config.yaml", "parallel:\n  tensor: 2\nprecision: bf16\n")
                .rm("old-name.txt").add("new-name.txt", "same content that is long enough to be detected as a rename\n")
                .rm("gone.txt")
                .add("blob.bin", f.git.blob(new byte[] {0, 1, 3})).create();

        CommitDetail detail = Diffs.commit(f.repo, change, DiffLimits.DEFAULTS);

        assertThat(detail.commit().id()).isEqualTo(change);
        assertThat(detail.diff().truncated()).isFalse();
        assertThat(detail.diff().files()).extracting(d -> d.changeType() + " " + d.path())
                .containsExactlyInAnyOrder("MODIFY config.yaml", "RENAME new-name.txt", "DELETE gone.txt", "MODIFY blob.bin");
        FileDiff config = detail.diff().files().stream().filter(d -> d.path().equals("config.yaml")).findFirst().orElseThrow();
        assertThat(config.patch()).contains("diff --git a/config.yaml b/config.yaml", "-  tensor: 1", "+  tensor: 2");
        assertThat(config.additions()).isEqualTo(1);
        assertThat(config.deletions()).isEqualTo(1);
        FileDiff blob = detail.diff().files().stream().filter(d -> d.path().equals("blob.bin")).findFirst().orElseThrow();
        assertThat(blob.binary()).isTrue();
        assertThat(blob.additions()).isZero();
        FileDiff gone = detail.diff().files().stream().filter(d -> d.path().equals("gone.txt")).findFirst().orElseThrow();
        assertThat(gone.newPath()).isNull();
        assertThat(gone.deletions()).isEqualTo(1);
    }

    @Test
    void rootCommitDiffsAgainstTheEmptyTree() throws Exception {
        RevCommit root = f.git.branch("main").commit().add("a.txt", "one\ntwo\n").create();
        FileDiff added = Diffs.commit(f.repo, root, DiffLimits.DEFAULTS).diff().files().get(0);
        assertThat(added.changeType()).isEqualTo(ChangeType.ADD);
        assertThat(added.oldPath()).isNull();
        assertThat(added.additions()).isEqualTo(2);
    }

    @Test
    void truncatesLargeDiffsCleanlyAtLineBoundariesAndFlagsIt() throws Exception {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            big.append("line number ").append(i).append('\n');
        }
        RevCommit base = f.git.branch("main").commit().add("small.txt", "x\n").create();
        RevCommit change = f.git.branch("main").commit().parent(base)
                .add("big.txt", big.toString()).add("huge.txt", "y".repeat(60_000)).add("small.txt", "z\n").create();

        DiffResult diff = Diffs.commit(f.repo, change, new DiffLimits(2, 50_000, 1000, 100_000, 3)).diff();

        assertThat(diff.totalFiles()).isEqualTo(3);
        assertThat(diff.files()).hasSize(2);
        assertThat(diff.truncated()).isTrue();
        FileDiff bigDiff = diff.files().get(0);
        assertThat(bigDiff.path()).isEqualTo("big.txt");
        assertThat(bigDiff.truncated()).isTrue();
        assertThat(bigDiff.patch().length()).isLessThanOrEqualTo(1000);
        assertThat(bigDiff.patch()).endsWith("\n");
        assertThat(bigDiff.additions()).as("counts come from the whole diff").isEqualTo(2000);
        FileDiff huge = diff.files().get(1);
        assertThat(huge.tooLarge()).isTrue();
        assertThat(huge.patch()).isEmpty();
    }
}
