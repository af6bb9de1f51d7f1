package dev.adapthub.core.pull;

import dev.adapthub.core.cluster.ClusterGenerations;
import dev.adapthub.core.cluster.RowWrites;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import org.springframework.beans.factory.ObjectProvider;

/** Every write of a {@code pull_requests} row moves {@link PullLists}' generation. */
class PullRequestWrites extends RowWrites {

    PullRequestWrites(ObjectProvider<ClusterGenerations> generations) {
        super(generations, PullLists.GENERATION);
    }

    @PostPersist
    @PostUpdate
    @PostRemove
    void written(PullRequest row) {
        written();
    }
}
