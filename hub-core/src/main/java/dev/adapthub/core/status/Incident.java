package dev.adapthub.core.status;

import java.time.Instant;
import java.util.List;

/**
 * An incident, or a planned maintenance window, as the status page shows it.
 *
 * @param components ids of the affected components ({@link ComponentCheck#id()})
 * @param startedAt  when it began (maintenance: the planned start)
 * @param plannedEnd maintenance only: the planned end
 * @param updates    the timeline, oldest first
 */
public record Incident(long id, Kind kind, String title, Severity severity, Status status, List<String> components,
        Instant startedAt, Instant identifiedAt, Instant resolvedAt, Instant plannedEnd, Instant updatedAt,
        List<Update> updates) {

    public enum Kind { INCIDENT, MAINTENANCE }

    public enum Severity {
        MINOR, MAJOR, CRITICAL, MAINTENANCE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The incident's stage. Maintenance windows are SCHEDULED, then IN_PROGRESS, then RESOLVED. */
    public enum Status {
        INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED, SCHEDULED, IN_PROGRESS;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }

    /** One entry of the timeline. */
    public record Update(long id, Status status, String body, String author, Instant at) {
    }

    /** The timeline as the incident page shows it: the latest update first. */
    public List<Update> newestFirst() {
        List<Update> reversed = new java.util.ArrayList<>(updates);
        java.util.Collections.reverse(reversed);
        return reversed;
    }

    public boolean resolved() {
        return resolvedAt != null;
    }

    /** Whether it affects the hub at {@code now}: an unresolved incident, or a window that has begun. */
    public boolean ongoingAt(Instant now) {
        if (resolved()) {
            return false;
        }
        return kind == Kind.INCIDENT || !startedAt.isAfter(now) && (plannedEnd == null || plannedEnd.isAfter(now));
    }

    public boolean upcomingAt(Instant now) {
        return kind == Kind.MAINTENANCE && !resolved() && startedAt.isAfter(now);
    }
}
