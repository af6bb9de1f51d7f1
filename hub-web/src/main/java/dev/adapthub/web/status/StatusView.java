package dev.adapthub.web.status;

import dev.adapthub.core.status.ComponentCheck;
import dev.adapthub.core.status.Incident;
import dev.adapthub.core.status.Incidents;
import dev.adapthub.core.status.JobQueue;
import dev.adapthub.core.status.LastBackup;
import dev.adapthub.core.status.StatusProbes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Everything the status page and {@code /api/status} show, gathered once per request: live states,
 * the 90-day history (cached for {@link #HISTORY_TTL}: it changes once a minute), the job queue,
 * the last backup when the backup feature provides one ({@link LastBackup}), and incidents.
 */
@Component
class StatusView {

    static final Duration HISTORY_TTL = Duration.ofSeconds(30);

    private final StatusProbes probes;
    private final Incidents incidents;
    private final JdbcTemplate jdbc;
    private final ObjectProvider<LastBackup> backups;
    private volatile CachedHistory history;

    private record CachedHistory(Instant at, List<StatusProbes.History> all) {
    }

    /** One component as shown: live state and history. */
    record ComponentView(String id, ComponentCheck.Result live, StatusProbes.History history) {
    }

    record Page(Instant checkedAt, String overall, List<ComponentView> components, JobQueue jobs,
            Optional<Instant> lastBackup, List<Incident> ongoing, List<Incident> upcoming, List<Incident> recent) {
    }

    StatusView(StatusProbes probes, Incidents incidents, JdbcTemplate jdbc, ObjectProvider<LastBackup> backups) {
        this.probes = probes;
        this.incidents = incidents;
        this.jdbc = jdbc;
        this.backups = backups;
    }

    Page page() {
        StatusProbes.Live live = probes.live();
        List<StatusProbes.History> all = history();
        List<ComponentView> components = new ArrayList<>();
        Map<String, StatusProbes.History> byId = new LinkedHashMap<>();
        all.forEach(h -> byId.put(h.component(), h));
        live.results().forEach((id, result) -> components.add(new ComponentView(id, result, byId.get(id))));
        LastBackup backup = backups.getIfAvailable();
        Optional<Instant> lastBackup = backup == null ? Optional.empty() : backup.lastSuccessful();
        return new Page(live.at(), live.overall().label(), components, JobQueue.read(jdbc, Instant.now()), lastBackup,
                incidents.ongoing(), incidents.upcoming(), incidents.history(0, 20));
    }

    List<StatusProbes.History> history() {
        CachedHistory h = history;
        Instant now = Instant.now();
        if (h == null || h.at().plus(HISTORY_TTL).isBefore(now)) {
            h = new CachedHistory(now, probes.history());
            history = h;
        }
        return h.all();
    }

    static Map<String, Object> json(Page page) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", page.overall());
        json.put("checkedAt", page.checkedAt().toString());
        List<Map<String, Object>> components = new ArrayList<>();
        for (ComponentView c : page.components()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("id", c.id());
            one.put("state", c.live().state().label());
            one.put("detail", c.live().detail());
            if (c.history() != null) {
                one.put("uptime90d", Math.round(c.history().uptimePercent() * 1000) / 1000.0);
                one.put("days", c.history().days().stream().map(d -> Map.of("date", d.day().toString(), "up", d.up(),
                        "degraded", d.degraded(), "down", d.down())).toList());
            }
            components.add(one);
        }
        json.put("components", components);
        json.put("jobs", Map.of("due", page.jobs().due(), "oldestWaitSeconds", page.jobs().oldestWait().toSeconds()));
        page.lastBackup().ifPresent(at -> json.put("lastBackup", at.toString()));
        json.put("ongoing", page.ongoing().stream().map(StatusView::incident).toList());
        json.put("upcoming", page.upcoming().stream().map(StatusView::incident).toList());
        json.put("recent", page.recent().stream().map(StatusView::incident).toList());
        return json;
    }

    static Map<String, Object> incident(Incident i) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", i.id());
        json.put("kind", i.kind().name().toLowerCase(java.util.Locale.ROOT));
        json.put("title", i.title());
        json.put("severity", i.severity().label());
        json.put("status", i.status().name().toLowerCase(java.util.Locale.ROOT));
        json.put("components", i.components());
        json.put("startedAt", i.startedAt().toString());
        json.put("identifiedAt", i.identifiedAt() == null ? null : i.identifiedAt().toString());
        json.put("resolvedAt", i.resolvedAt() == null ? null : i.resolvedAt().toString());
        if (i.plannedEnd() != null) {
            json.put("plannedEnd", i.plannedEnd().toString());
        }
        json.put("updates", i.updates().stream().map(u -> Map.of("status",
                u.status().name().toLowerCase(java.util.Locale.ROOT), "body", u.body(), "author", u.author(),
                "at", u.at().toString())).toList());
        return json;
    }
}
