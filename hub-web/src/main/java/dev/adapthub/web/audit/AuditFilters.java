package dev.adapthub.web.audit;

import dev.adapthub.core.audit.AuditFilter;
import dev.adapthub.core.common.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The filter of an audit log page or export as the query string gives it. Times are UTC: a date
 * ({@code 2026-12-04}: {@code from} at its start, {@code to} through its end), a date and time
 * ({@code 2026-12-04T09:30}) or an instant ({@code 2026-12-04T09:30:00Z}).
 */
record AuditFilters(String actor, String action, String target, String from, String to) {

    AuditFilter parse(int limit) {
        Instant start = time("from", from, false);
        Instant end = time("to", to, true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new InvalidInputException("to", "'to' (" + to + ") must be after 'from' (" + from + ").");
        }
        if (action != null && !action.isBlank() && !action.strip().matches("[a-z_]{1,40}(\\.[a-z_]{1,60})?")) {
            throw new InvalidInputException("action", "'" + action + "' is not an action: write a category such as"
                    + " push or one action such as push.force_refused.");
        }
        return new AuditFilter(clip(actor), action, clip(target), start, end, limit);
    }

    private static String clip(String text) {
        return text == null || text.length() <= 200 ? text : text.substring(0, 200);
    }

    private static Instant time(String field, String text, boolean endOfDay) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (value.endsWith("Z")) {
                return Instant.parse(value);
            }
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "'" + clip(value) + "' is not a time: write a UTC date such as"
                    + " 2026-12-04 or a date and time such as 2026-12-04T09:30.");
        }
    }
}
