package dev.adapthub.core.repo;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface RepoRedirects extends JpaRepository<RepoRedirect, Long> {

    Optional<RepoRedirect> findFirstByKindAndOwnerLowerAndNameLowerOrderByIdDesc(RepoKind kind, String ownerLower,
            String nameLower);

    void deleteByKindAndOwnerLowerAndNameLower(RepoKind kind, String ownerLower, String nameLower);

    void deleteByRepositoryId(long repositoryId);
}
