package dev.adapthub.core.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.core.CoreIntegrationTest;
import dev.adapthub.core.CoreTestApplication;
import dev.adapthub.core.account.Account;
import dev.adapthub.core.account.AccountService;
import dev.adapthub.core.account.Registration;
import dev.adapthub.core.popularity.Likes;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
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

    @Test
    void aPublicListingShowsANewRepositoryAPrivacyChangeAndALikeAtOnce() {
        Account owner = newAccount();
        Account fan = newAccount();
        RepoFilter byOwner = new RepoFilter(RepoKind.MODEL, null, owner.name(), List.of(), null, null,
                RepoFilter.Order.NAME, true);
        Repo first = repos.create(owner, new NewRepo(RepoKind.MODEL, null, "a-first", false));
        assertThat(names(repos.search(byOwner, null, 0, 30))).containsExactly("a-first");

        Repo second = repos.create(owner, new NewRepo(RepoKind.MODEL, null, "b-second", false));
        assertThat(names(repos.search(byOwner, null, 0, 30))).containsExactly("a-first", "b-second");

        settings.update(owner, first, new RepoSettings(true, null, null));
        assertThat(names(repos.search(byOwner, null, 0, 30))).as("anonymous, after a-first went private")
                .containsExactly("b-second");
        assertThat(names(repos.search(byOwner, fan, 0, 30))).as("a stranger").containsExactly("b-second");
        assertThat(names(repos.search(byOwner, owner, 0, 30))).as("the owner").containsExactly("a-first", "b-second");

        likes.like(second, fan);
        assertThat(repos.search(byOwner, null, 0, 30).getContent().get(0).popularity().likes()).isEqualTo(1);
        assertThat(names(repos.search(new RepoQuery(RepoKind.MODEL, owner.name(), null, null, null,
                RepoQuery.Sort.LIKES, 0, 30)))).as("the public list by likes").containsExactly("b-second");
    }

    @Test
    void thePublicRepositoriesOfAKindShowANewOneAPrivacyChangeAndADeleteAtOnce() {
        Account owner = newAccount();
        Repo tool = repos.create(owner, new NewRepo(RepoKind.TOOL, null, "listed-tool", false));
        assertThat(publicTools(owner)).containsExactly("listed-tool");

        Repo other = repos.create(owner, new NewRepo(RepoKind.TOOL, null, "second-tool", false));
        assertThat(publicTools(owner)).containsExactlyInAnyOrder("listed-tool", "second-tool");

        settings.update(owner, tool, new RepoSettings(true, null, null));
        assertThat(publicTools(owner)).as("after listed-tool went private").containsExactly("second-tool");

        repos.delete(owner, other, owner.name() + "/second-tool");
        assertThat(publicTools(owner)).isEmpty();
    }

    private List<String> publicTools(Account owner) {
        return repos.listPublic(RepoKind.TOOL).stream().filter(r -> r.owner().equals(owner.name()))
                .map(Repo::name).toList();
    }

    private static List<String> names(Page<Repo> page) {
        return page.getContent().stream().map(Repo::name).toList();
    }
}
