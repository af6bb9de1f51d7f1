package dev.adapthub.core.status;

import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Probes every {@link ComponentCheck} and keeps the answers: the live state (cached for
 * {@link #LIVE_TTL}, so a busy status page does not probe per request) and one row per component per
 * minute in {@code status_probes}, the uptime history. The minute is the row's key: when two hub
 * processes record the same minute, the second insert is refused and ignored, so nothing is counted
 * twice (the recording itself is a db-scheduler recurring task, which runs in one process at a time).
 */
@Service
public class StatusProbes {

    public static final int HISTORY_DAYS = 90;
    static final Duration LIVE_TTL = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(StatusProbes.class);

    private final List<ComponentCheck> checks;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile Live live;

    /** The components' states at one moment. */
    public record Live(Instant at, Map<String, ComponentCheck.Result> results) {

        public ComponentState overall() {
            return results.values().stream().map(ComponentCheck.Result::state)
                    .reduce(ComponentState.UP, ComponentState::worst);
        }
    }

    /** One day of a component's history: minutes measured in each state. */
    public record Day(LocalDate day, long up, long degraded, long down) {

        public long measured() {
            return up + degraded + down;
        }

        /** The bar's colour: the worst state seen that day, or null when nothing was measured. */
        public ComponentState worst() {
            return measured() == 0 ? null : down > 0 ? ComponentState.DOWN
                    : degraded > 0 ? ComponentState.DEGRADED : ComponentState.UP;
        }
    }

    /** A component's 90 days, oldest first, and its uptime: minutes not DOWN over minutes measured. */
    public record History(String component, List<Day> days, double uptimePercent) {
    }

    StatusProbes(List<ComponentCheck> checks, JdbcTemplate jdbc) {
        this.checks = checks.stream().sorted(Comparator.comparingInt(ComponentCheck::order)).toList();
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
    }

    public List<String> components() {
        return checks.stream().map(ComponentCheck::id).toList();
    }

    /** The components' states, probed at most {@link #LIVE_TTL} ago. */
    public Live live() {
        Live current = live;
        if (current == null || current.at().plus(LIVE_TTL).isBefore(clock.instant())) {
            current = probe();
        }
        return current;
    }

    private Live probe() {
        Map<String, ComponentCheck.Result> results = new LinkedHashMap<>();
        for (ComponentCheck check : checks) {
            ComponentCheck.Result result;
            try {
                result = check.check();
            } catch (RuntimeException e) {
                log.warn("Status probe of {} failed: {}", check.id(), e.toString());
                result = ComponentCheck.Result.down("The probe failed.");
            }
            results.put(check.id(), result);
        }
        Live probed = new Live(clock.instant(), results);
        live = probed;
        return probed;
    }

    /** Probes now and records this minute's row per component; answers how many rows were new. */
    public int record() {
        Live now = probe();
        OffsetDateTime minute = OffsetDateTime.ofInstant(now.at(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        int written = 0;
        for (Map.Entry<String, ComponentCheck.Result> e : now.results().entrySet()) {
            written += recordAt(e.getKey(), minute, e.getValue());
        }
        jdbc.update("DELETE FROM status_probes WHERE probe_day < ?",
                Date.valueOf(minute.toLocalDate().minusDays(HISTORY_DAYS + 1L)));
        return written;
    }

    /** One component's row for one minute; 0 when the minute was already recorded (by any process). */
    int recordAt(String component, OffsetDateTime minute, ComponentCheck.Result result) {
        String detail = result.detail() == null ? null
                : result.detail().length() > 500 ? result.detail().substring(0, 500) : result.detail();
        try {
            return jdbc.update("INSERT INTO status_probes (component, minute_at, probe_day, state, detail)"
                    + " VALUES (?, ?, ?, ?, ?)", component, minute, Date.valueOf(minute.toLocalDate()),
                    result.state().name(), detail);
        } catch (DuplicateKeyException sameMinute) {
            return 0;
        }
    }

    /** Every component's last {@value #HISTORY_DAYS} days (today included), from the recorded minutes. */
    public List<History> history() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate first = today.minusDays(HISTORY_DAYS - 1L);
        Map<String, Map<LocalDate, EnumMap<ComponentState, Long>>> counts = new HashMap<>();
        jdbc.query("SELECT component, probe_day, state, COUNT(*) AS n FROM status_probes WHERE probe_day >= ?"
                + " GROUP BY component, probe_day, state", rs -> {
                    ComponentState state;
                    try {
                        state = ComponentState.valueOf(rs.getString("state"));
                    } catch (IllegalArgumentException unknown) {
                        return;
                    }
                    counts.computeIfAbsent(rs.getString("component"), c -> new HashMap<>())
                            .computeIfAbsent(rs.getDate("probe_day").toLocalDate(),
                                    d -> new EnumMap<>(ComponentState.class))
                            .merge(state, rs.getLong("n"), Long::sum);
                }, Date.valueOf(first));
        List<History> all = new ArrayList<>();
        for (String component : components()) {
            Map<LocalDate, EnumMap<ComponentState, Long>> byDay = counts.getOrDefault(component, Map.of());
            List<Day> days = new ArrayList<>();
            long measured = 0;
            long down = 0;
            for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
                EnumMap<ComponentState, Long> c = byDay.getOrDefault(d, new EnumMap<>(ComponentState.class));
                Day day = new Day(d, c.getOrDefault(ComponentState.UP, 0L), c.getOrDefault(ComponentState.DEGRADED, 0L),
                        c.getOrDefault(ComponentState.DOWN, 0L));
                days.add(day);
                measured += day.measured();
                down += day.down();
            }
            double uptime = measured == 0 ? 100.0 : 100.0 * (measured - down) / measured;
            all.add(new History(component, days, uptime));
        }
        return all;
    }
}
