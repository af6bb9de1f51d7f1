package dev.adapthub.core.org;

/** What a person fills in to create an organization. */
public record NewOrganization(String name, String displayName, String description) {
}
