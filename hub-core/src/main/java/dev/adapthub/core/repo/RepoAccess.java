package dev.adapthub.core.repo;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.namespace.Names;
import dev.adapthub.core.org.OrganizationService;
import dev.adapthub.core.org.Role;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Decides what an account may do with a repository. The owning user and organization
 * owners administer it; maintainers maintain; members write; the hub's admins administer
 * everything; everyone else reads public repositories and cannot see private ones.
 */
@Component
public class RepoAccess {

    private final OrganizationService organizations;

    RepoAccess(OrganizationService organizations) {
        this.organizations = organizations;
    }

    /** @param viewer the signed-in account, or {@code null} for an anonymous request */
    public RepoPermission permission(Repo repo, Account viewer) {
        RepoPermission granted = viewer == null ? RepoPermission.NONE : ownerPermission(repo.owner(), viewer);
        if (granted == RepoPermission.NONE && !repo.isPrivate()) {
            return RepoPermission.READ;
        }
        return granted;
    }

    /** What {@code viewer} may do with repositories under the namespace {@code owner}. */
    public RepoPermission ownerPermission(String owner, Account viewer) {
        if (viewer.isAdmin() || Names.lower(owner).equals(Names.lower(viewer.name()))) {
            return RepoPermission.ADMIN;
        }
        Optional<Role> role = organizations.findByName(owner)
                .flatMap(org -> organizations.roleOf(org.id(), viewer.id()));
        if (role.isEmpty()) {
            return RepoPermission.NONE;
        }
        return switch (role.get()) {
            case OWNER -> RepoPermission.ADMIN;
            case MAINTAINER -> RepoPermission.MAINTAIN;
            case MEMBER -> RepoPermission.WRITE;
        };
    }
}
