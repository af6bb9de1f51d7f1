package dev.adapthub.core.org;

/** Typed id of an {@link Organization}. */
public record OrganizationId(long value) {
}
