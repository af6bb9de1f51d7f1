package dev.adapthub.core.notification;

import dev.adapthub.core.cluster.ClusterGenerations;
import dev.adapthub.core.cluster.RowWrites;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import org.springframework.beans.factory.ObjectProvider;

/** Every write of a {@code notifications} row moves the generation of the unread counts kept. */
class NotificationWrites extends RowWrites {

    /** The {@link ClusterGenerations} topic of {@code notifications} rows. */
    static final String GENERATION = "notifications";

    NotificationWrites(ObjectProvider<ClusterGenerations> generations) {
        super(generations, GENERATION);
    }

    @PostPersist
    @PostUpdate
    @PostRemove
    void written(Notification row) {
        written();
    }
}
