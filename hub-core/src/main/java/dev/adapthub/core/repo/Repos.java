package dev.adapthub.core.repo;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Repos extends JpaRepository<Repo, Long>, JpaSpecificationExecutor<Repo> {

    Optional<Repo> findByKindAndOwnerLowerAndNameLower(RepoKind kind, String ownerLower, String nameLower);

    Optional<Repo> findByStorageId(String storageId);

    List<Repo> findByOwnerLowerOrderByUpdatedAtDesc(String ownerLower);

    List<Repo> findByKindAndPrivateRepoFalseOrderByUpdatedAtDesc(RepoKind kind);

    /** Public repositories of a kind; each filter is '' (off) or a LIKE pattern. */
    @Query("""
            select r from Repo r where r.kind = :kind and r.privateRepo = false
              and (:text = '' or r.nameLower like :text or r.ownerLower like :text
                   or lower(coalesce(r.summary.tagsDelimited, '')) like :text)
              and (:tag = '' or lower(coalesce(r.summary.tagsDelimited, '')) like :tag)
              and (:chip = '' or lower(coalesce(r.summary.chipsDelimited, '')) like :chip)
              and (:license = '' or lower(coalesce(r.summary.license, '')) = :license)
            """)
    Page<Repo> search(@Param("kind") RepoKind kind, @Param("text") String text, @Param("tag") String tag,
            @Param("chip") String chip, @Param("license") String license, Pageable pageable);
}
