package dev.adapthub.core.audit;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.common.ForbiddenException;
import dev.adapthub.core.org.Organization;
import dev.adapthub.core.org.OrganizationService;
import dev.adapthub.core.org.Role;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoPermission;
import dev.adapthub.core.repo.RepoService;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only audit log: features write to it (mostly through domain events, see
 * {@link AuditListener}), and people read the part they are entitled to: a repository's maintainers
 * its entries, an organization's owners the organization's, administrators everything. Nobody sees
 * an entry about a repository they may not read.
 * <p>
 * Other features (incidents, for example) call {@link #record} directly, or publish an
 * {@link dev.adapthub.core.event.Audited} event.
 */
@Service
public class AuditLog {

    private final AuditEntries entries;
    private final AuditQueries queries;
    private final RepoService repos;
    private final OrganizationService organizations;
    private final Clock clock;

    AuditLog(AuditEntries entries, AuditQueries queries, RepoService repos, OrganizationService organizations,
            Clock clock) {
        this.entries = entries;
        this.queries = queries;
        this.repos = repos;
        this.organizations = organizations;
        this.clock = clock;
    }

    /**
     * Appends an entry in the caller's transaction (or a new one), so it commits with the change it
     * describes and disappears with it on a rollback: the log never shows a change that did not happen.
     */
    @Transactional
    public AuditEntry record(AuditRecord record) {
        return entries.save(new AuditEntry(record, ClientAddress.current(), clock.instant()));
    }

    /**
     * Appends an entry in a transaction of its own that commits at once, whatever becomes of the
     * caller's: for failures (a refused sign-in or push), which must be kept precisely when the
     * action they describe is rolled back.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public AuditEntry recordIndependently(AuditRecord record) {
        return entries.save(new AuditEntry(record, ClientAddress.current(), clock.instant()));
    }

    /** The repository's entries; maintainers only (404 for those who cannot read it, 403 for readers). */
    @Transactional(readOnly = true)
    public List<AuditEntry> ofRepository(Account viewer, Repo repo, AuditFilter filter) {
        repos.require(repo, viewer, RepoPermission.MAINTAIN);
        return queries.find(filter, repo.id(), null);
    }

    /**
     * The organization's entries (its repositories, members, hooks); its owners and administrators
     * only. Entries about a repository the viewer may not read (moved away since) are left out.
     */
    @Transactional(readOnly = true)
    public List<AuditEntry> ofOrganization(Account viewer, Organization organization, AuditFilter filter) {
        boolean owner = viewer != null && organizations.roleOf(organization.id(), viewer.id())
                .map(r -> r.atLeast(Role.OWNER)).orElse(false);
        if (!owner && (viewer == null || !viewer.isAdmin())) {
            throw new ForbiddenException("Only the owners of " + organization.name() + " see its audit log.");
        }
        Map<Long, Boolean> readable = new HashMap<>();
        return queries.find(filter, null, organization.name().toLowerCase(Locale.ROOT)).stream()
                .filter(e -> e.repositoryId() == null || readable.computeIfAbsent(e.repositoryId(),
                        id -> mayRead(viewer, id)))
                .toList();
    }

    /** Every entry; administrators only. */
    @Transactional(readOnly = true)
    public List<AuditEntry> all(Account viewer, AuditFilter filter) {
        if (viewer == null || !viewer.isAdmin()) {
            throw new ForbiddenException("Only administrators see the whole audit log.");
        }
        return queries.find(filter, null, null);
    }

    /** A deleted repository's entries stay with its owner's log; an existing one must be readable. */
    private boolean mayRead(Account viewer, long repoId) {
        Optional<Repo> repo = repos.findById(repoId);
        return repo.isEmpty() || repos.permission(repo.get(), viewer).allows(RepoPermission.READ);
    }
}
