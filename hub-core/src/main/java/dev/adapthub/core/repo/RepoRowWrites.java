package dev.adapthub.core.repo;

import dev.adapthub.core.cluster.ClusterGenerations;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import org.springframework.beans.factory.ObjectProvider;

/**
 * JPA's word that a {@code repositories} row was inserted, updated or deleted, passed on to
 * {@link RepoRows}' generation (after the transaction commits). One listener on the entity instead
 * of a call in every service method that changes a repository, where one forgotten call would keep
 * serving a stale row, such as a repository that has just been made private.
 *
 * <p>Hibernate creates it through Spring while the entity manager factory is being built, before
 * {@link ClusterGenerations} (which needs the transaction manager, which needs that factory) can
 * exist; hence the provider, resolved at the first write.
 */
class RepoRowWrites {

    private final ObjectProvider<ClusterGenerations> generations;

    RepoRowWrites(ObjectProvider<ClusterGenerations> generations) {
        this.generations = generations;
    }

    @PostPersist
    @PostUpdate
    @PostRemove
    void written(Repo repo) {
        // Absent only in slices of the application that hold no RepoRows either (JPA tests).
        generations.ifAvailable(counters -> counters.changed(RepoRows.GENERATION));
    }
}
