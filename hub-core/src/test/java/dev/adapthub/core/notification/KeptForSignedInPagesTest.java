package dev.adapthub.core.notification;

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
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What every signed-in page reads, its account row and its unread count, is kept; every change to
 * either through the hub shows in the very next read.
 */
@CoreIntegrationTest
class KeptForSignedInPagesTest {

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        CoreTestApplication.postgres(registry);
    }

    @Autowired AccountService accounts;
    @Autowired NotificationService notifications;
    @Autowired RepoService repos;
    @Autowired JdbcTemplate jdbc;

    private Account newAccount() {
        return accounts.register(new Registration("n" + UUID.randomUUID().toString().substring(0, 8),
                "n@example.org", "a long password"));
    }

    private Notification notify(Account recipient, Repo repo, String subject) {
        return notifications.notify(recipient, new NewNotification(NotificationKind.REVIEW_REQUESTED, null, repo.id(),
                subject, null, "/" + repo.urlPath(), null)).orElseThrow();
    }

    @Test
    void aRepeatedLookupIsTheKeptRowAndALanguageSavedThroughTheHubShowsInTheNext() {
        Account reader = newAccount();
        assertThat(accounts.findById(reader.id()).orElseThrow().language()).isEmpty();
        // A raw UPDATE moves no generation: the kept row is served, which shows that it is kept.
        jdbc.update("UPDATE accounts SET display_name = 'Changed in SQL' WHERE id = ?", reader.id().value());
        assertThat(accounts.findById(reader.id()).orElseThrow().displayName()).isNotEqualTo("Changed in SQL");

        accounts.saveLanguage(reader.name(), "zh-CN");

        assertThat(accounts.findById(reader.id()).orElseThrow().language()).contains("zh-CN");
        assertThat(accounts.name(reader.id().value())).contains(reader.name());
    }

    @Test
    void theUnreadCountFollowsANewNotificationReadingOneReadingAllAndTheRepositorysDeletion() {
        Account owner = newAccount();
        Account reader = newAccount();
        Repo repo = repos.create(owner, new NewRepo(RepoKind.MODEL, null, "noticed", false));
        assertThat(notifications.unreadOfName(reader.name())).isZero();

        Notification first = notify(reader, repo, "First");
        assertThat(notifications.unreadOfName(reader.name())).isEqualTo(1);
        notify(reader, repo, "Second");
        assertThat(notifications.unreadOfName(reader.name())).isEqualTo(2);

        notifications.markRead(reader.id(), first.id());
        assertThat(notifications.unreadOfName(reader.name())).isEqualTo(1);
        notifications.markAllRead(reader.id());
        assertThat(notifications.unreadOfName(reader.name())).isZero();

        notify(reader, repo, "Third");
        assertThat(notifications.unreadOfName(reader.name())).isEqualTo(1);
        repos.delete(owner, repo, owner.name() + "/noticed");
        assertThat(notifications.unreadOfName(reader.name())).as("its notifications went with the repository").isZero();
    }
}
