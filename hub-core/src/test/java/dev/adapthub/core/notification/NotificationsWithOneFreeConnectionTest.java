package dev.adapthub.core.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.adapthub.core.CoreIntegrationTest;
import dev.adapthub.core.CoreTestApplication;
import dev.adapthub.core.account.Account;
import dev.adapthub.core.account.AccountService;
import dev.adapthub.core.account.Registration;
import dev.adapthub.core.pull.NewPullRequest;
import dev.adapthub.core.pull.PullRequest;
import dev.adapthub.core.pull.PullRequestService;
import dev.adapthub.core.pull.ReviewVerdict;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.git.write.Content;
import dev.adapthub.git.write.FileChange;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An action and its notifications never need two pool connections at once on one thread: with a
 * single connection left in the pool, a review and a close still notify the author. (When the
 * notifications were written on the acting thread right after its commit, that thread still held its
 * connection and waited for a second one: with as many such actions at once as the pool has
 * connections, every one of them waited out the pool's timeout and their notifications were lost.)
 */
@CoreIntegrationTest
class NotificationsWithOneFreeConnectionTest {

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        CoreTestApplication.postgres(registry);
    }

    @Autowired AccountService accounts;
    @Autowired RepoService repos;
    @Autowired RepoWrites writes;
    @Autowired PullRequestService pulls;
    @Autowired NotificationService notifications;
    @Autowired NotificationQueue queue;
    @Autowired DataSource dataSource;

    private Account account(String prefix) {
        return accounts.register(new Registration(prefix + UUID.randomUUID().toString().substring(0, 8),
                prefix + "@example.org", "a long password"));
    }

    private static FileChange readme(String text) {
        return new FileChange.Put("README.md", Content.of(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aReviewAndACloseNotifyTheAuthorWhileAllButOneConnectionAreTaken() throws Exception {
        Account owner = account("own");
        Account author = account("aut");
        Repo repo = repos.create(owner, new NewRepo(RepoKind.MODEL, null, "pooled", false));
        writes.commit(repo, owner, "main", ObjectId.zeroId(), "Seed", List.of(readme("# Seed\n")));
        PullRequest pr = pulls.openWithChanges(author, repo, NewPullRequest.of("Better README", ""), null,
                "Better README", List.of(readme("# Better\n")));

        int size = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
        List<Connection> taken = new ArrayList<>();
        try {
            for (int i = 0; i < size - 1; i++) {
                taken.add(dataSource.getConnection());
            }
            pulls.review(owner, repo, pr.number(), ReviewVerdict.APPROVE, null);
            pulls.close(owner, repo, pr.number());
            assertThat(queue.awaitIdle(Duration.ofSeconds(60))).isTrue();
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
        }

        assertThat(notifications.page(author.id(), 0).getContent()).extracting(Notification::kind)
                .containsExactly(NotificationKind.CLOSED, NotificationKind.REVIEW_APPROVED);
    }
}
