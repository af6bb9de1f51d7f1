package dev.adapthub.core.adaptation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import dev.adapthub.core.repo.Repo;

interface AdaptationValidations extends JpaRepository<AdaptationValidation, Long> {

    List<AdaptationValidation> findByRepositoryIdOrderByPath(long repositoryId);

    Optional<AdaptationValidation> findByRepositoryIdAndPath(long repositoryId, String path);

    List<AdaptationValidation> findByStaleTrue();

    @Query("select distinct v.repositoryId from AdaptationValidation v")
    List<Long> repositoryIds();

    /** Repositories with a default branch, whatever their kind or visibility: the index covers them all. */
    @Query("select r from Repo r where r.summary.lastCommitId is not null order by r.id")
    List<Repo> repositoriesWithCommits();

    @Query("select r from Repo r where r.id = :id")
    Optional<Repo> repository(@Param("id") long id);
}
