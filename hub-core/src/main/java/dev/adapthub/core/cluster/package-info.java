/**
 * What several hub processes on one database must agree on: the generations of in-memory caches
 * ({@link dev.adapthub.core.cluster.ClusterGenerations}) and signing keys
 * ({@link dev.adapthub.core.cluster.ClusterSecrets}). docs/operations.md says what is shared and what is not.
 */
package dev.adapthub.core.cluster;
