package dev.adapthub.core.repo.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adapthub.core.CoreIntegrationTest;
import dev.adapthub.core.CoreTestApplication;
import dev.adapthub.core.account.Account;
import dev.adapthub.core.account.AccountService;
import dev.adapthub.core.account.Registration;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.org.NewOrganization;
import dev.adapthub.core.org.Organization;
import dev.adapthub.core.org.OrganizationService;
import dev.adapthub.core.org.Role;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.git.store.RepoId;
import dev.adapthub.git.store.RepositoryStore;
import dev.adapthub.git.write.Content;
import dev.adapthub.git.write.FileChange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@CoreIntegrationTest
class RepoCreationTest {

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        CoreTestApplication.postgres(registry);
    }

    @Autowired RepoCreation creation;
    @Autowired RepoService repos;
    @Autowired AccountService accounts;
    @Autowired OrganizationService organizations;
    @Autowired RepositoryStore store;
    @Autowired RepoFiles files;

    private Account newAccount() {
        return accounts.register(new Registration("c" + UUID.randomUUID().toString().substring(0, 8),
                "c@example.org", "a long password"));
    }

    @Test
    void createsTheRepositoryWithItsFirstCommitIndexedEvenForAMemberWhoMayNotPushToMain() {
        Account owner = newAccount();
        Account member = newAccount();
        Organization org = organizations.create(owner.id(), new NewOrganization("o" + UUID.randomUUID()
                .toString().substring(0, 8), null, null));
        organizations.setRole(org.id(), owner.id(), member.name(), Role.MEMBER);

        Repo repo = creation.create(member, new NewRepo(RepoKind.MODEL, org.name(), "with-files", false),
                "Initial commit", List.of(FileChange.put("README.md", "---\nlicense: mit\n---\n# M\n"),
                        FileChange.put("configs/npu.yaml", "a: 1\n")));

        Repo stored = repos.get(RepoKind.MODEL, org.name(), "with-files", member);
        assertThat(files.isEmpty(stored)).isFalse();
        assertThat(stored.summary().fileCount()).isEqualTo(2);
        assertThat(repo.id()).isEqualTo(stored.id());
    }

    @Test
    void aRefusedPathCreatesNothing() throws Exception {
        Account ada = newAccount();
        long dirs = storageDirs();
        for (List<FileChange> bad : List.of(
                List.of(FileChange.put("README.md", "x"), FileChange.put("git~1/config", "[core]\n")),
                List.of(FileChange.put(".g\u200Dit/config", "[core]\n")),
                List.of(FileChange.put("n.txt", "file"), FileChange.put("n.txt/x", "inner")),
                List.of(FileChange.put("a", "1"), FileChange.put("a", "2")))) {
            assertThatThrownBy(() -> creation.create(ada, new NewRepo(RepoKind.MODEL, null, "refused", false),
                    "Initial commit", bad)).isInstanceOf(InvalidInputException.class).hasMessageContaining("ath '");
        }
        assertThat(repos.find(RepoKind.MODEL, ada.name(), "refused", ada)).isEmpty();
        assertThat(storageDirs()).isEqualTo(dirs);
    }

    @Test
    void aFailureAfterTheRepositoryWasCreatedRemovesRowAndDirectory() throws Exception {
        Account ada = newAccount();
        long dirs = storageDirs();
        Content unreadable = new Content() {
            @Override
            public long size() {
                return 10;
            }

            @Override
            public InputStream open() throws IOException {
                throw new IOException("the upload spool vanished");
            }
        };

        assertThatThrownBy(() -> creation.create(ada, new NewRepo(RepoKind.DATASET, null, "half-made", false),
                "Initial commit", List.of(new FileChange.Put("data.csv", unreadable))))
                .isInstanceOf(IllegalStateException.class);

        assertThat(repos.find(RepoKind.DATASET, ada.name(), "half-made", ada)).isEmpty();
        assertThat(storageDirs()).isEqualTo(dirs);
        // The name is free again: nothing half-made blocks the retry.
        Repo retried = creation.create(ada, new NewRepo(RepoKind.DATASET, null, "half-made", false),
                "Initial commit", List.of(FileChange.put("data.csv", "a,b\n")));
        assertThat(Files.isDirectory(store.directory(repos.storageOf(retried)))).isTrue();
    }

    private long storageDirs() throws IOException {
        Path root = store.directory(RepoId.random()).getParent().getParent();
        if (!Files.exists(root)) {
            return 0;
        }
        try (var walk = Files.walk(root, 2)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".git")).count();
        }
    }
}
