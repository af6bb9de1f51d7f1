package dev.adapthub.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adapthub.core.CoreIntegrationTest;
import dev.adapthub.core.CoreTestApplication;
import dev.adapthub.core.common.ConflictException;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.namespace.NamespaceService;
import dev.adapthub.core.org.NewOrganization;
import dev.adapthub.core.org.OrganizationService;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@CoreIntegrationTest
class AccountServiceTest {

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        CoreTestApplication.postgres(registry);
    }

    @Autowired AccountService accounts;
    @Autowired OrganizationService organizations;
    @Autowired NamespaceService namespaces;
    @Autowired AccountRepository accountRepository;
    @Autowired PasswordEncoder passwordEncoder;

    private static String unique(String base) {
        return base + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void registersAnAccountWithAHashedPassword() {
        String name = unique("Ada-");
        Account account = accounts.register(new Registration(name, "ada@example.org", "correct horse battery"));

        assertThat(accounts.findByName(name.toUpperCase())).map(Account::id).contains(account.id());
        assertThat(account.passwordHash()).doesNotContain("correct horse").startsWith("{bcrypt}");
        assertThat(passwordEncoder.matches("correct horse battery", account.passwordHash())).isTrue();
    }

    @Test
    void refusesANameTakenInAnotherCaseAndCreatesNothing() {
        String name = unique("grace");
        accounts.register(new Registration(name, "g@example.org", "a long password"));
        long before = accountRepository.count();

        assertThatThrownBy(() -> accounts.register(new Registration(name.toUpperCase(), "h@example.org", "a long password")))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("is taken");
        assertThat(accountRepository.count()).isEqualTo(before);
    }

    @Test
    void usersAndOrganizationsShareOneNamespace() {
        String name = unique("acme");
        Account founder = accounts.register(new Registration(unique("founder"), "f@example.org", "a long password"));
        organizations.create(founder.id(), new NewOrganization(name, null, null));

        assertThatThrownBy(() -> accounts.register(new Registration(name.toUpperCase(), "x@example.org", "a long password")))
                .isInstanceOf(ConflictException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "api", "Settings", "tools", "bad name", "<script>x", "-dash", "dot.", "a..b",
            "tab\tname", "nul\u0000", "zwsp\u200bname", "0123456789012345678901234567890123456789x"})
    void refusesBadNamesWithAMessageAndLeavesNoTrace(String name) {
        long before = accountRepository.count();

        assertThatThrownBy(() -> accounts.register(new Registration(name, "n@example.org", "a long password")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("name"))
                .hasMessageMatching(".*(Enter a name|characters|reserved|Use letters|may not contain).*");
        assertThat(accountRepository.count()).isEqualTo(before);
        if (!name.isEmpty()) {
            assertThat(namespaces.find(name)).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not-an-email", "a@b", "<script>@x.org", "a b@example.org"})
    void refusesBadEmails(String email) {
        assertThatThrownBy(() -> accounts.register(new Registration(unique("e"), email, "a long password")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("email"));
    }

    @Test
    void refusesShortAndOverlongPasswords() {
        assertThatThrownBy(() -> accounts.register(new Registration(unique("p"), "p@example.org", "short")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least 10");
        assertThatThrownBy(() -> accounts.register(new Registration(unique("p"), "p@example.org", "x".repeat(73))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 72");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"{NAME}", "{name}", "{name}2024!", "qwertyuiop", "1234567890", "Password123",
            "sunshine2024!", "iloveyou!!!!"})
    void refusesPasswordsThatAreTheNameOrCommonAndCreatesNothing(String password) {
        String name = unique("pw-owner-");
        String actual = password.replace("{NAME}", name.toUpperCase()).replace("{name}", name);

        assertThatThrownBy(() -> accounts.register(new Registration(name, "p@example.org", actual)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("password"))
                .hasMessageMatching(".*(not your user name|most common passwords).*");
        assertThat(accounts.findByName(name)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"a long password", "long enough password", "correct horse battery",
            "admin-password-for-tests"})
    void acceptsThePasswordsTheHubAndItsTestsUse(String password) {
        assertThat(accounts.register(new Registration(unique("ok"), "o@example.org", password)).id()).isNotNull();
        assertThat(accounts.createAdmin(unique("admin"), password).isAdmin()).isTrue();
    }
}
