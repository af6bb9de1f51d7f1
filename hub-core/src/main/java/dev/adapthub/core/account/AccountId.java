package dev.adapthub.core.account;

/** Typed id of an {@link Account}. */
public record AccountId(long value) {
}
