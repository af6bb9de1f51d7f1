package dev.adapthub.core.account;

import dev.adapthub.core.cluster.ClusterGenerations;
import dev.adapthub.core.cluster.RowWrites;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import org.springframework.beans.factory.ObjectProvider;

/** Every write of an {@code accounts} row moves the generation of the rows {@link AccountService} keeps. */
class AccountRowWrites extends RowWrites {

    /** The {@link ClusterGenerations} topic of {@code accounts} rows. */
    static final String GENERATION = "accounts";

    AccountRowWrites(ObjectProvider<ClusterGenerations> generations) {
        super(generations, GENERATION);
    }

    @PostPersist
    @PostUpdate
    @PostRemove
    void written(Account row) {
        written();
    }
}
