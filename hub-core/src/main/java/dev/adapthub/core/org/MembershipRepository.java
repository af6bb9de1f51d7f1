package dev.adapthub.core.org;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface MembershipRepository extends JpaRepository<Membership, Long> {

    Optional<Membership> findByOrganizationIdAndAccountId(long organizationId, long accountId);

    List<Membership> findByOrganizationIdOrderByIdAsc(long organizationId);

    List<Membership> findByAccountIdOrderByIdAsc(long accountId);

    long countByOrganizationIdAndRole(long organizationId, Role role);
}
