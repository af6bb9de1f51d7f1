package dev.adapthub.core.org;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface OrganizationRepository extends JpaRepository<Organization, Long> {

    Optional<Organization> findByNameLower(String nameLower);

    List<Organization> findAllByOrderByNameLowerAsc();
}
