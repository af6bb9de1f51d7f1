package dev.adapthub.core.org;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.account.AccountId;
import dev.adapthub.core.account.AccountService;
import dev.adapthub.core.common.ConflictException;
import dev.adapthub.core.common.ForbiddenException;
import dev.adapthub.core.common.NotFoundException;
import dev.adapthub.core.common.TextFields;
import dev.adapthub.core.event.MembershipChanged;
import dev.adapthub.core.namespace.NamespaceKind;
import dev.adapthub.core.namespace.NamespaceService;
import dev.adapthub.core.namespace.Names;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates organizations and manages who belongs to them with which role. */
@Service
public class OrganizationService {

    private final OrganizationRepository organizations;
    private final MembershipRepository memberships;
    private final NamespaceService namespaces;
    private final AccountService accounts;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    OrganizationService(OrganizationRepository organizations, MembershipRepository memberships,
            NamespaceService namespaces, AccountService accounts, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.organizations = organizations;
        this.memberships = memberships;
        this.namespaces = namespaces;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Creates an organization whose first owner is {@code creator}; nothing is created on error. */
    @Transactional
    public Organization create(AccountId creator, NewOrganization request) {
        Names.requireValid("name", request.name());
        String displayName = TextFields.optionalLine("displayName", request.displayName(), Organization.MAX_DISPLAY_NAME);
        String description = TextFields.optionalText("description", request.description(), Organization.MAX_DESCRIPTION);
        namespaces.claim("name", request.name(), NamespaceKind.ORGANIZATION);
        Organization organization = organizations.save(
                new Organization(request.name(), displayName, description, clock.instant()));
        memberships.save(new Membership(organization.id().value(), creator.value(), Role.OWNER, clock.instant()));
        String founder = nameOf(creator);
        events.publishEvent(new MembershipChanged(organization.name(), founder, founder, null, Role.OWNER.name()));
        return organization;
    }

    @Transactional(readOnly = true)
    public Optional<Organization> findByName(String name) {
        return !Names.isWellFormed(name) ? Optional.empty() : organizations.findByNameLower(Names.lower(name));
    }

    @Transactional(readOnly = true)
    public Organization getByName(String name) {
        return findByName(name).orElseThrow(() -> new NotFoundException("No organization named '" + name + "'."));
    }

    @Transactional(readOnly = true)
    public List<Organization> all() {
        return organizations.findAllByOrderByNameLowerAsc();
    }

    @Transactional(readOnly = true)
    public Optional<Role> roleOf(OrganizationId organization, AccountId account) {
        return memberships.findByOrganizationIdAndAccountId(organization.value(), account.value())
                .map(Membership::role);
    }

    @Transactional(readOnly = true)
    public List<Member> members(OrganizationId organization) {
        return memberships.findByOrganizationIdOrderByIdAsc(organization.value()).stream()
                .map(m -> new Member(accounts.findById(new AccountId(m.accountId())).orElseThrow(), m.role()))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<Organization> organizationsOf(AccountId account) {
        return memberships.findByAccountIdOrderByIdAsc(account.value()).stream()
                .map(m -> organizations.findById(m.organizationId()).orElseThrow())
                .toList();
    }

    /**
     * Adds a member or changes a member's role. Only owners may; the last owner cannot be demoted.
     */
    @Transactional
    public void setRole(OrganizationId organization, AccountId actor, String memberName, Role role) {
        requireRole(organization, actor, Role.OWNER);
        Account member = accounts.findByName(memberName)
                .orElseThrow(() -> new NotFoundException("No user named '" + memberName + "'."));
        Optional<Membership> existing = memberships.findByOrganizationIdAndAccountId(
                organization.value(), member.id().value());
        if (existing.isPresent()) {
            Membership membership = existing.get();
            if (membership.role() == Role.OWNER && role != Role.OWNER
                    && memberships.countByOrganizationIdAndRole(organization.value(), Role.OWNER) == 1) {
                throw new ConflictException("role", "An organization keeps at least one owner; make another"
                        + " member an owner first.");
            }
            Role before = membership.role();
            membership.changeRole(role);
            events.publishEvent(new MembershipChanged(nameOf(organization), nameOf(actor), member.name(), before.name(),
                    role.name()));
        } else {
            memberships.save(new Membership(organization.value(), member.id().value(), role, clock.instant()));
            events.publishEvent(new MembershipChanged(nameOf(organization), nameOf(actor), member.name(), null,
                    role.name()));
        }
    }

    private String nameOf(AccountId account) {
        return accounts.findById(account).map(Account::name).orElse("account " + account.value());
    }

    private String nameOf(OrganizationId organization) {
        return organizations.findById(organization.value()).map(Organization::name)
                .orElse("organization " + organization.value());
    }

    private void requireRole(OrganizationId organization, AccountId actor, Role needed) {
        Role actual = roleOf(organization, actor).orElse(null);
        if (actual == null || !actual.atLeast(needed)) {
            throw new ForbiddenException("Only an organization " + needed.name().toLowerCase() + " may do this.");
        }
    }
}
