package dev.adapthub.core.audit;

import java.time.Instant;

/**
 * Which entries to show; every field is optional.
 *
 * @param actor  the account name, exactly (any letter case)
 * @param action a category ({@code push}) or a category and action ({@code push.refused})
 * @param target text the target contains (any letter case)
 * @param from   entries at or after this time
 * @param to     entries before this time
 * @param limit  at most this many, newest first (1 to {@link #MAX_LIMIT})
 */
public record AuditFilter(String actor, String action, String target, Instant from, Instant to, int limit) {

    public static final int DEFAULT_LIMIT = 200;
    public static final int MAX_LIMIT = 10_000;

    public AuditFilter {
        actor = blankToNull(actor);
        action = blankToNull(action);
        target = blankToNull(target);
        limit = limit <= 0 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
    }

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, DEFAULT_LIMIT);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
