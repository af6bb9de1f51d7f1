package dev.adapthub.git.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adapthub.git.GitInvalidInputException;
import dev.adapthub.git.GitNotFoundException;

import org.eclipse.jgit.revwalk.RevBlob;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RevisionsTest {
    final ReadFixture f;
    final RevCommit first;
    final RevCommit second;

    RevisionsTest() throws Exception {
        f = new ReadFixture();
        first = f.git.branch("main").commit().add("a.txt", "a").create();
        second = f.git.branch("main").commit().add("a.txt", "b").create();
        f.git.update("refs/tags/v1", f.git.tag("v1", first));
        f.git.update("refs/tags/light", second);
        f.git.update("refs/pr/3", first);
    }

    @Test
    void resolvesBranchesTagsRefsAndCommitIds() throws Exception {
        assertThat(Revisions.resolve(f.repo, "main")).isEqualTo(new ResolvedRevision("main", second, "refs/heads/main"));
        assertThat(Revisions.resolve(f.repo, "HEAD").commitId()).isEqualTo(second);
        assertThat(Revisions.resolve(f.repo, "v1").commitId()).as("annotated tag peeled").isEqualTo(first);
        assertThat(Revisions.resolve(f.repo, "light").commitId()).isEqualTo(second);
        assertThat(Revisions.resolve(f.repo, "refs/pr/3").commitId()).isEqualTo(first);
        assertThat(Revisions.resolve(f.repo, first.name()).refName()).isNull();
        assertThat(Revisions.resolve(f.repo, first.name().substring(0, 7)).commitId()).isEqualTo(first);
    }

    @Test
    void missingRevisionsAreNotFound() {
        assertThatThrownBy(() -> Revisions.resolve(f.repo, "nope")).isInstanceOf(GitNotFoundException.class);
        assertThatThrownBy(() -> Revisions.resolve(f.repo, "refs/pr/99")).isInstanceOf(GitNotFoundException.class);
        assertThatThrownBy(() -> Revisions.resolve(f.repo, "0000000000000000000000000000000000000001"))
                .isInstanceOf(GitNotFoundException.class);
        assertThatThrownBy(() -> Revisions.resolve(f.repo, "deadbeef")).isInstanceOf(GitNotFoundException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"main~1", "main^", "main..v1", "main@{1}", "main:a.txt", "refs/heads/../x",
            "ma\u0000in", "ma\tin", "refs/pr/01", ""})
    void revisionExpressionsAndHostileNamesAreInvalid(String revision) {
        assertThatThrownBy(() -> Revisions.resolve(f.repo, revision)).isInstanceOf(GitInvalidInputException.class);
    }

    @Test
    void overlongAndNonCommitRevisionsAreInvalid() throws Exception {
        assertThatThrownBy(() -> Revisions.resolve(f.repo, "b".repeat(300)))
                .isInstanceOf(GitInvalidInputException.class).hasMessageContaining("too long");
        RevBlob blob = f.git.blob("x");
        f.git.update("refs/tags/blob", blob);
        assertThatThrownBy(() -> Revisions.resolve(f.repo, "blob"))
                .isInstanceOf(GitInvalidInputException.class).hasMessageContaining("does not name a commit");
    }
}
