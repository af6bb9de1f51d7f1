package dev.adapthub.core.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adapthub.core.CoreIntegrationTest;
import dev.adapthub.core.CoreTestApplication;
import dev.adapthub.core.account.Account;
import dev.adapthub.core.account.AccountService;
import dev.adapthub.core.account.Registration;
import dev.adapthub.core.common.ConflictException;
import dev.adapthub.core.common.ForbiddenException;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.common.NotFoundException;
import dev.adapthub.core.org.NewOrganization;
import dev.adapthub.core.org.Organization;
import dev.adapthub.core.org.OrganizationService;
import dev.adapthub.core.org.Role;
import dev.adapthub.git.store.RepositoryStore;
import java.nio.file.Files;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@CoreIntegrationTest
class RepoServiceTest {

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        CoreTestApplication.postgres(registry);
    }

    @Autowired RepoService repos;
    @Autowired AccountService accounts;
    @Autowired OrganizationService organizations;
    @Autowired RepositoryStore store;
    @Autowired Repos table;

    private Account newAccount() {
        return accounts.register(new Registration("r" + UUID.randomUUID().toString().substring(0, 8),
                "r@example.org", "a long password"));
    }

    private static String unique(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void createsARepositoryWithItsBareGitRepositoryUnderTheCreatorsName() {
        Account ada = newAccount();
        Repo repo = repos.create(ada, new NewRepo(RepoKind.MODEL, null, "Llama-3.1-8B-ascend", false));

        assertThat(repo.fullName()).isEqualTo(ada.name() + "/Llama-3.1-8B-ascend");
        assertThat(repo.urlPath()).isEqualTo(repo.fullName());
        assertThat(Files.isDirectory(store.directory(repos.storageOf(repo)))).isTrue();
        assertThat(repos.find(RepoKind.MODEL, ada.name().toUpperCase(), "llama-3.1-8b-ASCEND", null))
                .map(Repo::id).contains(repo.id());
        assertThat(repos.find(RepoKind.DATASET, ada.name(), "Llama-3.1-8B-ascend", null)).isEmpty();
    }

    @Test
    void organizationMembersCreateUnderTheOrganizationStrangersMayNot() {
        Account owner = newAccount();
        Account member = newAccount();
        Account stranger = newAccount();
        Organization org = organizations.create(owner.id(), new NewOrganization(unique("vendor"), null, null));
        organizations.setRole(org.id(), owner.id(), member.name(), Role.MEMBER);

        Repo repo = repos.create(member, new NewRepo(RepoKind.TOOL, org.name(), "npu-profiler", true));

        assertThat(repo.urlPath()).isEqualTo("tools/" + org.name() + "/npu-profiler");
        assertThat(repos.permission(repo, owner)).isEqualTo(RepoPermission.ADMIN);
        assertThat(repos.permission(repo, member)).isEqualTo(RepoPermission.WRITE);
        assertThatThrownBy(() -> repos.create(stranger, new NewRepo(RepoKind.MODEL, org.name(), "x", false)))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aPrivateRepositoryDoesNotExistForOutsiders() {
        Account ada = newAccount();
        Account stranger = newAccount();
        Repo repo = repos.create(ada, new NewRepo(RepoKind.DATASET, null, "secret-evals", true));

        assertThat(repos.find(RepoKind.DATASET, ada.name(), "secret-evals", null)).isEmpty();
        assertThat(repos.find(RepoKind.DATASET, ada.name(), "secret-evals", stranger)).isEmpty();
        assertThat(repos.listOwnedBy(ada.name(), stranger)).isEmpty();
        assertThat(repos.listOwnedBy(ada.name(), ada)).extracting(Repo::id).containsExactly(repo.id());
        assertThatThrownBy(() -> repos.require(repo, stranger, RepoPermission.WRITE)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anExistingAddressInAnyCaseIsAConflictAndLeavesNoStorageBehind() throws Exception {
        Account ada = newAccount();
        repos.create(ada, new NewRepo(RepoKind.MODEL, null, "qwen2.5-7b", false));
        long rows = table.count();
        long dirs = countStorageDirs();

        assertThatThrownBy(() -> repos.create(ada, new NewRepo(RepoKind.MODEL, null, "Qwen2.5-7B", false)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("exists already");
        assertThat(table.count()).isEqualTo(rows);
        assertThat(countStorageDirs()).isEqualTo(dirs);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../escape", "a/b", "name.git", "x..y", "-lead", "sp ace", "<script>", "%2e%2e",
            ".g\u200Dit", ".git\u200C", "model.git\u200D", "GIT~1", ".git.", "mo\u200Bdel", "mode\u0301l"})
    void refusesBadNamesAndCreatesNothing(String name) throws Exception {
        Account ada = newAccount();
        long dirs = countStorageDirs();

        assertThatThrownBy(() -> repos.create(ada, new NewRepo(RepoKind.MODEL, null, name, false)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(countStorageDirs()).isEqualTo(dirs);
    }

    @Test
    void anInvisibleCharacterInANameIsNamedInTheMessage() {
        Account ada = newAccount();
        assertThatThrownBy(() -> repos.create(ada, new NewRepo(RepoKind.MODEL, null, "mo\u200Ddel", false)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("invisible characters (U+200D)");
        assertThatThrownBy(() -> repos.create(ada, new NewRepo(RepoKind.MODEL, "ali\u200Bce", "model", false)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> accounts.register(new Registration("ali\u200Cce", "a@example.org", "a long password")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("U+200C");
    }

    @Test
    void renamedRepositoriesRedirectAndDeletionNeedsTheTypedName() {
        Account ada = newAccount();
        Repo repo = repos.create(ada, new NewRepo(RepoKind.MODEL, null, "old-name", false));

        Repo renamed = repos.rename(ada, repo, "new-name");
        assertThat(repos.findRenamed(RepoKind.MODEL, ada.name(), "old-name", null)).map(Repo::name).contains("new-name");

        assertThatThrownBy(() -> repos.delete(ada, renamed, "new-name")).isInstanceOf(InvalidInputException.class);
        repos.delete(ada, renamed, ada.name() + "/new-name");
        assertThat(repos.find(RepoKind.MODEL, ada.name(), "new-name", ada)).isEmpty();
        assertThat(repos.findRenamed(RepoKind.MODEL, ada.name(), "old-name", ada)).isEmpty();
        assertThat(Files.exists(store.directory(repos.storageOf(renamed)))).isFalse();
    }

    private long countStorageDirs() throws java.io.IOException {
        var root = store.directory(dev.adapthub.git.store.RepoId.random()).getParent().getParent();
        if (!Files.exists(root)) {
            return 0;
        }
        try (var walk = Files.walk(root, 2)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".git")).count();
        }
    }
}
