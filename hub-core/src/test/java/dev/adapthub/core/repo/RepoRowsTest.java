package dev.adapthub.core.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.core.CoreIntegrationTest;
import dev.adapthub.core.CoreTestApplication;
import dev.adapthub.core.account.Account;
import dev.adapthub.core.account.AccountService;
import dev.adapthub.core.account.Registration;
import dev.adapthub.core.popularity.Likes;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Lookups outside a transaction are served from kept rows ({@link RepoRows}); every kind of write
 * shows in the very next lookup, so the kept rows never serve a repository as it was.
 */
@CoreIntegrationTest
class RepoRowsTest {

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        CoreTestApplication.postgres(registry);
    }

    @Autowired RepoService repos;
    @Autowired RepoSettingsService settings;
    @Autowired AccountService accounts;
    @Autowired Likes likes;
    @Autowired JdbcTemplate jdbc;

    private Account newAccount() {
        return accounts.register(new Registration("k" + UUID.randomUUID().toString().substring(0, 8),
                "k@example.org", "a long password"));
    }

    private Optional<Repo> anonymous(Account owner, String name) {
        return repos.find(RepoKind.MODEL, owner.name(), name, null);
    }

    @Test
    void aRepeatedLookupIsTheKeptRowAndARowChangedBehindTheHubsBackIsNotNoticed() {
        // What the cache does, shown from both sides: the second lookup costs no query, which is why a
        // write that bypasses JPA and the generation (as this test's raw UPDATE does) goes unseen.
        Account owner = newAccount();
        repos.create(owner, new NewRepo(RepoKind.MODEL, null, "kept", false));
        Repo first = anonymous(owner, "kept").orElseThrow();
        jdbc.update("UPDATE repositories SET default_branch = 'elsewhere' WHERE id = ?", first.id());
        assertThat(anonymous(owner, "kept")).containsSame(first);
    }

    @Test
    void aRepositoryMadePrivateIsHiddenFromTheNextAnonymousLookup() {
        Account owner = newAccount();
        Repo repo = repos.create(owner, new NewRepo(RepoKind.MODEL, null, "soon-private", false));
        assertThat(anonymous(owner, "soon-private")).isPresent();

        settings.update(owner, repo, new RepoSettings(true, null, null));

        assertThat(anonymous(owner, "soon-private")).isEmpty();
        assertThat(repos.find(RepoKind.MODEL, owner.name(), "soon-private", owner)).get()
                .extracting(Repo::isPrivate).isEqualTo(true);
    }

    @Test
    void aRenameAndADeleteShowAtOnceAndAnAddressLookedUpBeforeItsCreationFindsIt() {
        Account owner = newAccount();
        assertThat(anonymous(owner, "later")).isEmpty();
        Repo repo = repos.create(owner, new NewRepo(RepoKind.MODEL, null, "later", false));
        assertThat(anonymous(owner, "later")).isPresent();

        repos.rename(owner, repo, "renamed");
        assertThat(anonymous(owner, "later")).isEmpty();
        Repo renamed = anonymous(owner, "renamed").orElseThrow();

        repos.delete(owner, renamed, owner.name() + "/renamed");
        assertThat(anonymous(owner, "renamed")).isEmpty();
    }

    @Test
    void aLikeWrittenWithSqlShowsInTheNextLookupsCount() {
        Account owner = newAccount();
        Account fan = newAccount();
        Repo repo = repos.create(owner, new NewRepo(RepoKind.MODEL, null, "liked", false));
        assertThat(anonymous(owner, "liked").orElseThrow().popularity().likes()).isZero();

        likes.like(repo, fan);

        assertThat(anonymous(owner, "liked").orElseThrow().popularity().likes()).isEqualTo(1);
    }
}
