package dev.adapthub.core.cluster;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@link ClusterGenerations} topic that every write of this entity's rows moves, for the caches
 * that keep them ({@link RowsKept}). The entity also names {@link RowWrites} in
 * {@code @EntityListeners}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface KeptTopic {

    String value();
}
