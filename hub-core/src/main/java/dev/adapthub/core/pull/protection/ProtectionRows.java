package dev.adapthub.core.pull.protection;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProtectionRows extends JpaRepository<BranchProtection, Long> {

    List<BranchProtection> findByRepositoryIdOrderByIdAsc(long repositoryId);

    Optional<BranchProtection> findByRepositoryIdAndPattern(long repositoryId, String pattern);
}
