package dev.adapthub.core.cluster;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The JPA entity listener that moves an entity's {@link KeptTopic} (after the transaction commits) on
 * every insert, update and delete of its rows, for caches of those rows ({@link RowsKept}). One
 * listener on the entity instead of a call in every service method that changes a row, where one
 * forgotten call would keep serving a stale row, such as a repository that has just been made private.
 * An entity takes part with {@code @EntityListeners(RowWrites.class)} and {@code @KeptTopic}.
 *
 * <p>Hibernate creates listeners through Spring while the entity manager factory is being built,
 * before {@link ClusterGenerations} (which needs the transaction manager, which needs that factory)
 * can exist; hence the provider, resolved at the first write.
 */
public class RowWrites {

    private final ObjectProvider<ClusterGenerations> generations;

    RowWrites(ObjectProvider<ClusterGenerations> generations) {
        this.generations = generations;
    }

    @PostPersist
    @PostUpdate
    @PostRemove
    void written(Object row) {
        KeptTopic topic = row.getClass().getAnnotation(KeptTopic.class);
        if (topic == null) {
            throw new IllegalStateException(row.getClass().getName() + " lists RowWrites but names no @KeptTopic");
        }
        // Absent only in slices of the application that hold no cache of the rows either (JPA tests).
        generations.ifAvailable(counters -> counters.changed(topic.value()));
    }
}
