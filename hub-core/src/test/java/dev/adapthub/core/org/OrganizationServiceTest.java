package dev.adapthub.core.org;

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
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@CoreIntegrationTest
class OrganizationServiceTest {

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        CoreTestApplication.postgres(registry);
    }

    @Autowired OrganizationService organizations;
    @Autowired AccountService accounts;
    @Autowired OrganizationRepository organizationRepository;

    private Account newAccount() {
        return accounts.register(new Registration("u" + UUID.randomUUID().toString().substring(0, 8),
                "u@example.org", "a long password"));
    }

    @Test
    void creatorBecomesOwnerAndCanAddMaintainers() {
        Account owner = newAccount();
        Account other = newAccount();
        Organization org = organizations.create(owner.id(),
                new NewOrganization("vendor-" + UUID.randomUUID().toString().substring(0, 6), "A Vendor", "NPUs"));

        organizations.setRole(org.id(), owner.id(), other.name(), Role.MAINTAINER);

        assertThat(organizations.roleOf(org.id(), owner.id())).contains(Role.OWNER);
        assertThat(organizations.members(org.id())).extracting(Member::role).containsExactly(Role.OWNER, Role.MAINTAINER);
        assertThat(organizations.organizationsOf(other.id())).extracting(Organization::name).containsExactly(org.name());
    }

    @Test
    void onlyOwnersManageMembersAndTheLastOwnerStays() {
        Account owner = newAccount();
        Account member = newAccount();
        Organization org = organizations.create(owner.id(),
                new NewOrganization("team-" + UUID.randomUUID().toString().substring(0, 6), null, null));
        organizations.setRole(org.id(), owner.id(), member.name(), Role.MEMBER);

        assertThatThrownBy(() -> organizations.setRole(org.id(), member.id(), member.name(), Role.OWNER))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> organizations.setRole(org.id(), owner.id(), owner.name(), Role.MEMBER))
                .isInstanceOf(ConflictException.class).hasMessageContaining("at least one owner");
        assertThat(organizations.roleOf(org.id(), member.id())).contains(Role.MEMBER);
    }

    @Test
    void refusesOverlongOrControlCharacterDescriptionsAndCreatesNothing() {
        Account owner = newAccount();
        long before = organizationRepository.count();
        String name = "org-" + UUID.randomUUID().toString().substring(0, 6);

        assertThatThrownBy(() -> organizations.create(owner.id(), new NewOrganization(name, null, "x".repeat(501))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("At most 500");
        assertThatThrownBy(() -> organizations.create(owner.id(), new NewOrganization(name, "bell\u0007", null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("control character");
        assertThat(organizationRepository.count()).isEqualTo(before);
        assertThat(organizations.findByName(name)).isEmpty();
    }
}
