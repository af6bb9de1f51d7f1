package dev.adapthub.core.adaptation;

import dev.adapthub.core.common.HubException;
import dev.adapthub.core.repo.Repo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Finds what the index is missing or has out of date and validates it: every repository on a
 * first start (the seeded demo, before the server opens), else the repositories whose default
 * branch moved past their rows or whose rows went stale (a new backend or catalog version).
 */
@Service
public class AdaptationCatchUp {

    private static final Logger log = LoggerFactory.getLogger(AdaptationCatchUp.class);

    private final AdaptationIndex index;
    private final AdaptationValidations rows;

    AdaptationCatchUp(AdaptationIndex index, AdaptationValidations rows) {
        this.index = index;
        this.rows = rows;
    }

    /** On a first start (empty index): indexes every repository now. Returns the configs validated. */
    public int indexIfEmpty() {
        if (!index.isEmpty()) {
            return 0;
        }
        long started = System.nanoTime();
        int validated = 0;
        for (Repo repo : rows.repositoriesWithCommits()) {
            try {
                validated += index.reindex(repo).validated();
            } catch (HubException e) {
                // One repository whose Git data cannot be read must not keep the hub from starting.
                log.warn("Could not index {}: {}", repo.fullName(), e.getMessage());
            }
        }
        if (validated > 0) {
            log.info("Validated {} inference configs in {} ms", validated, (System.nanoTime() - started) / 1_000_000);
        }
        return validated;
    }

    /** The repositories that need {@link AdaptationIndex#reindex}: stale rows, or rows behind the branch. */
    public Set<Long> outOfDate() {
        Set<Long> ids = new TreeSet<>(index.markStaleByVersion());
        Map<Long, String> heads = new HashMap<>();
        for (Repo repo : rows.repositoriesWithCommits()) {
            heads.put(repo.id(), repo.summary().lastCommitId());
        }
        for (AdaptationValidation row : index.all()) {
            if (!row.commitId().equals(heads.get(row.repositoryId()))) {
                ids.add(row.repositoryId());
            }
        }
        return ids;
    }

    /**
     * Re-indexes one repository by id. Returns true when its default branch moved meanwhile (the
     * caller goes again: a move during the run may have found this job already running).
     */
    boolean reindexUntilCurrent(long repositoryId) {
        Optional<Repo> repo = rows.repository(repositoryId);
        if (repo.isEmpty()) {
            return false;
        }
        String before = repo.get().summary().lastCommitId();
        index.reindex(repo.get());
        return rows.repository(repositoryId).map(r -> r.summary().lastCommitId())
                .filter(after -> !after.equals(before)).isPresent();
    }

    List<Repo> repositories() {
        return rows.repositoriesWithCommits();
    }
}
