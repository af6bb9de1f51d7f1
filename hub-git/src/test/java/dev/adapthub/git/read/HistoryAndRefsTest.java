package dev.adapthub.git.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adapthub.git.GitInvalidInputException;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;

class HistoryAndRefsTest {
    final ReadFixture f;
    final List<RevCommit> commits = new ArrayList<>();

    HistoryAndRefsTest() throws Exception {
        f = new ReadFixture();
        for (int i = 0; i < 7; i++) {
            String file = i % 2 == 0 ? "even.txt" : "odd.txt";
            f.git.tick(60);
            commits.add(f.git.branch("main").commit().message("commit " + i).add(file, "v" + i).create());
        }
        f.git.branch("feature").update(commits.get(2));
        f.git.update("refs/tags/v1", f.git.tag("v1", commits.get(1)));
    }

    @Test
    void pagesThroughHistoryNewestFirst() throws Exception {
        HistoryPage first = History.log(f.repo, commits.get(6), "", 0, 3);
        assertThat(first.commits()).extracting(CommitInfo::subject).containsExactly("commit 6", "commit 5", "commit 4");
        assertThat(first.hasMore()).isTrue();
        HistoryPage last = History.log(f.repo, commits.get(6), null, 6, 3);
        assertThat(last.commits()).extracting(CommitInfo::subject).containsExactly("commit 0");
        assertThat(last.hasMore()).isFalse();
        assertThat(first.commits().get(0).parents()).containsExactly(commits.get(5));
    }

    @Test
    void historyOfOnePathSkipsCommitsThatDoNotTouchIt() throws Exception {
        HistoryPage odd = History.log(f.repo, commits.get(6), "odd.txt", 0, 10);
        assertThat(odd.commits()).extracting(CommitInfo::subject).containsExactly("commit 5", "commit 3", "commit 1");
        assertThatThrownBy(() -> History.log(f.repo, commits.get(6), "../odd.txt", 0, 10))
                .isInstanceOf(GitInvalidInputException.class);
        assertThatThrownBy(() -> History.log(f.repo, commits.get(6), "", 0, 1000))
                .isInstanceOf(GitInvalidInputException.class);
    }

    @Test
    void listsBranchesAndTagsWithTheirCommits() throws Exception {
        assertThat(RefListing.defaultBranch(f.repo)).isEqualTo("main");
        assertThat(RefListing.branches(f.repo)).extracting(b -> b.name() + "@" + b.commit().subject() + ":" + b.isDefault())
                .containsExactly("feature@commit 2:false", "main@commit 6:true");
        RefListing.Tag tag = RefListing.tags(f.repo).get(0);
        assertThat(tag.name()).isEqualTo("v1");
        assertThat(tag.commit().id()).isEqualTo(commits.get(1));
        assertThat(tag.annotation()).isNotNull();
    }
}
