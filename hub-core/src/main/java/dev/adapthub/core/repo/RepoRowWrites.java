package dev.adapthub.core.repo;

import dev.adapthub.core.cluster.ClusterGenerations;
import dev.adapthub.core.cluster.RowWrites;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import org.springframework.beans.factory.ObjectProvider;

/** Every write of a {@code repositories} row moves {@link RepoRows}' generation. */
class RepoRowWrites extends RowWrites {

    RepoRowWrites(ObjectProvider<ClusterGenerations> generations) {
        super(generations, RepoRows.GENERATION);
    }

    @PostPersist
    @PostUpdate
    @PostRemove
    void written(Repo row) {
        written();
    }
}
