package dev.adapthub.core.repo;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface Repos extends JpaRepository<Repo, Long> {

    Optional<Repo> findByKindAndOwnerLowerAndNameLower(RepoKind kind, String ownerLower, String nameLower);

    Optional<Repo> findByStorageId(String storageId);

    List<Repo> findByOwnerLowerOrderByUpdatedAtDesc(String ownerLower);

    List<Repo> findByKindAndPrivateRepoFalseOrderByUpdatedAtDesc(RepoKind kind);
}
