package dev.adapthub.core.event;

/**
 * A member joined or left an organization, or their role changed.
 *
 * @param oldRole null when the member was added
 * @param newRole null when the member was removed
 */
public record MembershipChanged(String organization, String actor, String member, String oldRole, String newRole)
        implements HubEvent {

    public String action() {
        return oldRole == null ? "added" : newRole == null ? "removed" : "role changed";
    }
}
