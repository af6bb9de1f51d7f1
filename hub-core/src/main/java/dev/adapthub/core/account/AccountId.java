package dev.adapthub.core.account;

/**
 * Typed id of an {@link Account}. Serializable because the signed-in principal carries it and
 * sessions are stored in the database (Spring Session JDBC serializes the security context).
 */
public record AccountId(long value) implements java.io.Serializable {
}
