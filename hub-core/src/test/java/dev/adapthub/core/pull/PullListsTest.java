package dev.adapthub.core.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.core.CoreIntegrationTest;
import dev.adapthub.core.CoreTestApplication;
import dev.adapthub.core.account.Account;
import dev.adapthub.core.account.AccountService;
import dev.adapthub.core.account.Registration;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.git.write.Content;
import dev.adapthub.git.write.FileChange;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The list of a repository's pull requests and its counts are kept ({@link PullLists}); every
 * change a list shows (a new pull request, a closed one, a new title) shows in the very next read.
 */
@CoreIntegrationTest
class PullListsTest {

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        CoreTestApplication.postgres(registry);
    }

    @Autowired PullRequestService pulls;
    @Autowired PullEdits edits;
    @Autowired RepoService repos;
    @Autowired RepoWrites writes;
    @Autowired AccountService accounts;
    @Autowired JdbcTemplate jdbc;

    private Account owner;
    private Repo repo;

    @BeforeEach
    void repository() {
        owner = accounts.register(new Registration("p" + UUID.randomUUID().toString().substring(0, 8),
                "p@example.org", "a long password"));
        repo = repos.create(owner, new NewRepo(RepoKind.MODEL, null, "listed", false));
        writes.commit(repo, owner, "main", ObjectId.zeroId(), "Seed", List.of(readme("# Seed\n")));
    }

    private static FileChange readme(String text) {
        return new FileChange.Put("README.md", Content.of(text.getBytes(StandardCharsets.UTF_8)));
    }

    private PullRequest open(String title) {
        return pulls.openWithChanges(owner, repo, NewPullRequest.of(title, ""), null, title, List.of(readme(title)));
    }

    private List<String> titles(PullState state) {
        return pulls.list(repo, state, null, null).stream().map(PullRequest::title).toList();
    }

    @Test
    void aRepeatedReadIsTheKeptListAndARowChangedBehindTheHubsBackIsNotNoticed() {
        // What the cache does: the second read costs no query, so a raw UPDATE, which moves no
        // generation, goes unseen. Every write through the hub does move it (the tests below).
        open("First");
        assertThat(titles(PullState.OPEN)).containsExactly("First");
        jdbc.update("UPDATE pull_requests SET title = 'Changed in SQL' WHERE repository_id = ?", repo.id());
        assertThat(titles(PullState.OPEN)).containsExactly("First");
    }

    @Test
    void aNewPullRequestAClosedOneAndANewTitleShowInTheNextListAndCounts() {
        PullRequest first = open("First");
        assertThat(titles(PullState.OPEN)).containsExactly("First");
        assertThat(pulls.counts(repo)).isEqualTo(new PullCounts(1, 0, 0));

        open("Second");
        assertThat(titles(PullState.OPEN)).containsExactly("Second", "First");
        assertThat(pulls.counts(repo)).isEqualTo(new PullCounts(2, 0, 0));

        pulls.close(owner, repo, first.number());
        assertThat(titles(PullState.OPEN)).containsExactly("Second");
        assertThat(titles(PullState.CLOSED)).containsExactly("First");
        assertThat(titles(null)).containsExactly("Second", "First");
        assertThat(pulls.counts(repo)).isEqualTo(new PullCounts(1, 0, 1));

        edits.edit(owner, repo, first.number(), "First, renamed", "", List.of("npu"));
        assertThat(titles(PullState.CLOSED)).containsExactly("First, renamed");
        assertThat(pulls.list(repo, null, null, "npu")).extracting(PullRequest::title).containsExactly("First, renamed");
    }

    @Test
    void authorsAreNamedWithoutChangingWhatTheListHolds() {
        PullRequest first = open("Named");
        assertThat(pulls.name(first.authorId())).contains(owner.name());
        assertThat(pulls.name(Long.MAX_VALUE)).isEmpty();
        assertThat(pulls.list(repo, PullState.OPEN, Long.MAX_VALUE, null)).isEmpty();
        assertThat(pulls.list(repo, PullState.OPEN, owner.id().value(), null)).extracting(PullRequest::number)
                .containsExactly(first.number());
    }
}
