package dev.adapthub.core.cluster;

import org.springframework.beans.factory.ObjectProvider;

/**
 * A JPA entity listener that moves a {@link ClusterGenerations} topic (after the transaction
 * commits) on every insert, update and delete of its entity's rows, for caches of those rows
 * ({@link RowsKept}). One listener on the entity instead of a call in every service method that
 * changes a row, where one forgotten call would keep serving a stale row, such as a repository that
 * has just been made private. Subclasses name the topic and declare the callback method themselves
 * ({@code @PostPersist @PostUpdate @PostRemove}, calling {@link #written()}): Hibernate looks for
 * callbacks only among a listener's own methods. The entity names the subclass in
 * {@code @EntityListeners}.
 *
 * <p>Hibernate creates listeners through Spring while the entity manager factory is being built,
 * before {@link ClusterGenerations} (which needs the transaction manager, which needs that factory)
 * can exist; hence the provider, resolved at the first write.
 */
public abstract class RowWrites {

    private final ObjectProvider<ClusterGenerations> generations;
    private final String topic;

    protected RowWrites(ObjectProvider<ClusterGenerations> generations, String topic) {
        this.generations = generations;
        this.topic = topic;
    }

    /** Moves the topic once the current transaction commits (at once without one). */
    protected void written() {
        // Absent only in slices of the application that hold no cache of the rows either (JPA tests).
        generations.ifAvailable(counters -> counters.changed(topic));
    }
}
