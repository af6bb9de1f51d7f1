package dev.adapthub.core.pull;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import jakarta.persistence.LockModeType;

interface PullRequests extends JpaRepository<PullRequest, Long> {

    Optional<PullRequest> findByRepositoryIdAndNumber(long repositoryId, long number);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from PullRequest p where p.id = ?1")
    Optional<PullRequest> lockById(long id);

    List<PullRequest> findByRepositoryIdOrderByNumberDesc(long repositoryId);

    List<PullRequest> findByRepositoryIdAndStateOrderByNumberDesc(long repositoryId, PullState state);

    List<PullRequest> findByRepositoryIdAndSourceRefAndState(long repositoryId, String sourceRef, PullState state);

    /** Every PR in {@code state}, across repositories (for {@link PullHeadRecovery} at start). */
    List<PullRequest> findByStateOrderByIdAsc(PullState state);

    long countByRepositoryIdAndState(long repositoryId, PullState state);

    @Query("select coalesce(max(p.number), 0) from PullRequest p where p.repositoryId = ?1")
    long maxNumber(long repositoryId);

    /** Takes a row lock on the repository, so numbers are allocated one at a time per repository. */
    @Query(value = "SELECT id FROM repositories WHERE id = ?1 FOR UPDATE", nativeQuery = true)
    Long lockRepository(long repositoryId);
}
