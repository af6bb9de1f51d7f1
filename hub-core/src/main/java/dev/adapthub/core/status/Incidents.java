package dev.adapthub.core.status;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.common.ForbiddenException;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.common.NotFoundException;
import dev.adapthub.core.common.TextFields;
import dev.adapthub.core.event.Audited;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incidents and maintenance windows: administrators open, update and resolve them; everyone reads
 * them. Each change appends an update to the timeline; nothing is ever deleted, so past incidents
 * stay listed.
 * <p>
 * The banner on every page asks {@link #ongoing()}, which is cached: a change made in this process
 * bumps a generation counter and the next call reloads; changes made by another hub process are seen
 * within {@link #BANNER_TTL}. (One query per {@value #BANNER_TTL_SECONDS} s per process at most.)
 */
@Service
public class Incidents {

    public static final int MAX_TITLE = 200;
    public static final int MAX_BODY = 5000;
    static final int BANNER_TTL_SECONDS = 10;
    static final Duration BANNER_TTL = Duration.ofSeconds(BANNER_TTL_SECONDS);

    private final JdbcTemplate jdbc;
    private final StatusProbes probes;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();
    private final AtomicLong generation = new AtomicLong();
    private volatile Cached cached;

    private record Cached(long generation, Instant at, List<Incident> ongoing) {
    }

    Incidents(JdbcTemplate jdbc, StatusProbes probes, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.probes = probes;
        this.events = events;
    }

    /** What an administrator writes to open an incident or schedule maintenance. */
    public record Draft(String title, Incident.Severity severity, List<String> components, String body,
            Instant start, Instant plannedEnd) {
    }

    /** Opens an incident (status INVESTIGATING) with its first update. */
    @Transactional
    public Incident open(Account admin, Draft draft) {
        requireAdmin(admin);
        Checked c = check(draft, false);
        Instant now = clock.instant();
        long id = insert(Incident.Kind.INCIDENT, c, Incident.Status.INVESTIGATING, c.start == null ? now : c.start,
                null, admin, now);
        appendUpdate(id, Incident.Status.INVESTIGATING, c.body, admin, now);
        changed();
        return audited(admin, "opened", get(id));
    }

    /** Schedules a maintenance window (status SCHEDULED) with its announcement. */
    @Transactional
    public Incident scheduleMaintenance(Account admin, Draft draft) {
        requireAdmin(admin);
        Checked c = check(draft, true);
        Instant now = clock.instant();
        long id = insert(Incident.Kind.MAINTENANCE, c, Incident.Status.SCHEDULED, c.start, c.plannedEnd, admin, now);
        appendUpdate(id, Incident.Status.SCHEDULED, c.body, admin, now);
        changed();
        return audited(admin, "maintenance_scheduled", get(id));
    }

    /** Adds an update that moves the incident to {@code status}; RESOLVED resolves it. */
    @Transactional
    public Incident update(Account admin, long id, Incident.Status status, String body) {
        requireAdmin(admin);
        Incident incident = get(id);
        if (incident.resolved()) {
            throw new InvalidInputException("status", "Incident #" + id + " is resolved; open a new one.");
        }
        if (status == null) {
            throw new InvalidInputException("status", "Choose the status this update moves the incident to.");
        }
        boolean maintenance = incident.kind() == Incident.Kind.MAINTENANCE;
        Set<Incident.Status> allowed = maintenance
                ? Set.of(Incident.Status.SCHEDULED, Incident.Status.IN_PROGRESS, Incident.Status.RESOLVED)
                : Set.of(Incident.Status.INVESTIGATING, Incident.Status.IDENTIFIED, Incident.Status.MONITORING,
                        Incident.Status.RESOLVED);
        if (!allowed.contains(status)) {
            throw new InvalidInputException("status", "An " + (maintenance ? "maintenance window" : "incident")
                    + " moves to one of " + allowed + ", not " + status + ".");
        }
        String text = TextFields.optionalText("body", body, MAX_BODY);
        if (text == null) {
            throw new InvalidInputException("body", "Say what is known (this text is shown on the status page).");
        }
        Instant now = clock.instant();
        OffsetDateTime at = utc(now);
        jdbc.update("UPDATE incidents SET status = ?, updated_at = ?,"
                + " identified_at = CASE WHEN identified_at IS NULL AND ? THEN ? ELSE identified_at END,"
                + " resolved_at = CASE WHEN ? THEN ? ELSE resolved_at END WHERE id = ?",
                status.name(), at, status == Incident.Status.IDENTIFIED, at, status == Incident.Status.RESOLVED, at, id);
        appendUpdate(id, status, text, admin, now);
        changed();
        return audited(admin, status == Incident.Status.RESOLVED ? "resolved" : "updated", get(id));
    }

    /** The audit log keeps who opened, moved and resolved each incident (written with this transaction). */
    private Incident audited(Account admin, String action, Incident incident) {
        events.publishEvent(new Audited("incident", action, admin.name(), null, null,
                "incident " + incident.id() + ": " + incident.title(),
                incident.severity() + ", " + incident.status() + ", components " + incident.components()));
        return incident;
    }

    public Incident get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("Incident #" + id + " not found."));
    }

    public Optional<Incident> find(long id) {
        return load("WHERE i.id = ?", id).stream().findFirst();
    }

    /** Ongoing incidents and maintenance in progress, most severe and newest first; cached (see class doc). */
    public List<Incident> ongoing() {
        Cached c = cached;
        Instant now = clock.instant();
        if (c == null || c.generation() != generation.get() || c.at().plus(BANNER_TTL).isBefore(now)) {
            long gen = generation.get();
            List<Incident> open = load("WHERE i.resolved_at IS NULL ORDER BY i.started_at DESC", null);
            c = new Cached(gen, now, open);
            cached = c;
        }
        return c.ongoing().stream().filter(i -> i.ongoingAt(now))
                .sorted(java.util.Comparator.comparing(Incident::kind)
                        .thenComparing(Incident::severity, java.util.Comparator.reverseOrder())).toList();
    }

    /** Maintenance windows that have not begun, soonest first. */
    public List<Incident> upcoming() {
        Instant now = clock.instant();
        return load("WHERE i.resolved_at IS NULL AND i.kind = 'MAINTENANCE' ORDER BY i.started_at", null).stream()
                .filter(i -> i.upcomingAt(now)).toList();
    }

    /** Incidents and windows that started in the last {@code days} days, newest first, at most {@code limit}. */
    public List<Incident> recent(int days, int limit) {
        OffsetDateTime since = utc(clock.instant().minus(Duration.ofDays(days)));
        List<Incident> all = load("WHERE i.started_at >= ? OR i.resolved_at IS NULL ORDER BY i.started_at DESC", since);
        return all.subList(0, Math.min(all.size(), Math.max(1, limit)));
    }

    /** Past incidents: resolved ones, newest first, a page at a time. */
    public List<Incident> history(int page, int size) {
        int s = Math.max(1, Math.min(size, 100));
        List<Long> ids = jdbc.queryForList("SELECT id FROM incidents WHERE resolved_at IS NOT NULL"
                + " ORDER BY resolved_at DESC, id DESC LIMIT ? OFFSET ?", Long.class, s, (long) Math.max(0, page) * s);
        List<Incident> out = new ArrayList<>();
        for (long id : ids) {
            find(id).ifPresent(out::add);
        }
        return out;
    }

    /** Bumped on every change this process makes; the banner's cache key. */
    public long generation() {
        return generation.get();
    }

    private void changed() {
        generation.incrementAndGet();
    }

    private static void requireAdmin(Account admin) {
        if (admin == null || !admin.isAdmin()) {
            throw new ForbiddenException("Only administrators manage incidents.");
        }
    }

    private record Checked(String title, Incident.Severity severity, List<String> components, String body,
            Instant start, Instant plannedEnd) {
    }

    private Checked check(Draft draft, boolean maintenance) {
        String title = TextFields.requiredLine("title", draft.title(), MAX_TITLE);
        String body = TextFields.optionalText("body", draft.body(), MAX_BODY);
        if (body == null) {
            throw new InvalidInputException("body", "Say what is known (this text is shown on the status page).");
        }
        Incident.Severity severity = maintenance ? Incident.Severity.MAINTENANCE : draft.severity();
        if (severity == null || !maintenance && severity == Incident.Severity.MAINTENANCE) {
            throw new InvalidInputException("severity", "Choose a severity: minor, major or critical.");
        }
        List<String> known = probes.components();
        Set<String> components = new LinkedHashSet<>();
        for (String component : draft.components() == null ? List.<String>of() : draft.components()) {
            if (!known.contains(component)) {
                throw new InvalidInputException("components", "Unknown component '" + clip(component)
                        + "'; choose from " + known + ".");
            }
            components.add(component);
        }
        if (components.isEmpty()) {
            throw new InvalidInputException("components", "Choose at least one affected component.");
        }
        if (maintenance) {
            if (draft.start() == null || draft.plannedEnd() == null || !draft.plannedEnd().isAfter(draft.start())) {
                throw new InvalidInputException("plannedEnd", "A maintenance window needs a start and a later end.");
            }
        }
        return new Checked(title, severity, List.copyOf(components), body, draft.start(), draft.plannedEnd());
    }

    private static String clip(String s) {
        return s == null ? "" : s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private long insert(Incident.Kind kind, Checked c, Incident.Status status, Instant start, Instant plannedEnd,
            Account admin, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO incidents (kind, title, severity, status, components, started_at,"
                    + " planned_end, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"});
            ps.setString(1, kind.name());
            ps.setString(2, c.title());
            ps.setString(3, c.severity().name());
            ps.setString(4, status.name());
            ps.setString(5, "|" + String.join("|", c.components()) + "|");
            ps.setObject(6, utc(start));
            ps.setObject(7, plannedEnd == null ? null : utc(plannedEnd));
            ps.setLong(8, admin.id().value());
            ps.setObject(9, utc(now));
            ps.setObject(10, utc(now));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    private void appendUpdate(long id, Incident.Status status, String body, Account author, Instant now) {
        jdbc.update("INSERT INTO incident_updates (incident_id, status, body, author_id, created_at) VALUES (?, ?, ?, ?, ?)",
                id, status.name(), body, author.id().value(), utc(now));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private List<Incident> load(String where, Object arg) {
        Object[] args = arg == null ? new Object[0] : new Object[] {arg};
        Map<Long, Incident> incidents = new LinkedHashMap<>();
        jdbc.query("SELECT i.* FROM incidents i " + where, rs -> {
            incidents.put(rs.getLong("id"), row(rs, new ArrayList<>()));
        }, args);
        if (incidents.isEmpty()) {
            return List.of();
        }
        String in = String.join(",", java.util.Collections.nCopies(incidents.size(), "?"));
        jdbc.query("SELECT u.*, a.name AS author FROM incident_updates u JOIN accounts a ON a.id = u.author_id"
                + " WHERE u.incident_id IN (" + in + ") ORDER BY u.created_at, u.id", rs -> {
                    incidents.get(rs.getLong("incident_id")).updates().add(new Incident.Update(rs.getLong("id"),
                            Incident.Status.valueOf(rs.getString("status")), rs.getString("body"),
                            rs.getString("author"), instant(rs, "created_at")));
                }, incidents.keySet().toArray());
        return incidents.values().stream().map(i -> new Incident(i.id(), i.kind(), i.title(), i.severity(), i.status(),
                i.components(), i.startedAt(), i.identifiedAt(), i.resolvedAt(), i.plannedEnd(), i.updatedAt(),
                List.copyOf(i.updates()))).toList();
    }

    private static Incident row(ResultSet rs, List<Incident.Update> updates) throws SQLException {
        List<String> components = Arrays.stream(rs.getString("components").split("\\|"))
                .filter(s -> !s.isEmpty()).toList();
        return new Incident(rs.getLong("id"), Incident.Kind.valueOf(rs.getString("kind")), rs.getString("title"),
                Incident.Severity.valueOf(rs.getString("severity")), Incident.Status.valueOf(rs.getString("status")),
                components, instant(rs, "started_at"), instant(rs, "identified_at"), instant(rs, "resolved_at"),
                instant(rs, "planned_end"), instant(rs, "updated_at"), updates);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
