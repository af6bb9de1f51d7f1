package dev.adapthub.web.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.core.status.StatusProbes;
import dev.adapthub.core.token.TokenScope;
import dev.adapthub.web.support.HubHttp;
import dev.adapthub.web.support.HubPage;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.TestAccounts;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Document;
import tools.jackson.databind.json.JsonMapper;

/**
 * The status page's behaviour, run on PostgreSQL ({@link StatusPostgresTest}) and on H2
 * ({@link StatusH2Test}): probes, the JSON, incidents through their whole life, refusals.
 */
abstract class StatusScenarios {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String ADMIN = "Bearer " + HubWebTest.ADMIN_TOKEN;

    @Autowired StatusProbes probes;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestAccounts accounts;
    @LocalServerPort int port;

    @Test
    void probesRacingInSeveralThreadsRecordEachComponentOncePerMinute() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(probes::record);
        }
        int written = 0;
        for (Future<Integer> f : pool.invokeAll(calls)) {
            written += f.get();
        }
        pool.shutdown();

        assertThat(jdbc.queryForList("SELECT component FROM status_probes GROUP BY component, minute_at"
                + " HAVING COUNT(*) > 1", String.class)).isEmpty();
        // Four probes inside (at most) two minutes: never more than two rows per component.
        assertThat(written).isBetween(0, 2 * probes.components().size());
        List<StatusProbes.History> history = probes.history();
        assertThat(history).extracting(StatusProbes.History::component)
                .containsExactly("web", "database", "git", "lfs", "jobs", "validations");
        assertThat(history).allSatisfy(h -> {
            assertThat(h.days()).hasSize(StatusProbes.HISTORY_DAYS);
            assertThat(h.days().get(h.days().size() - 1).measured()).isPositive();
            assertThat(h.uptimePercent()).isBetween(0.0, 100.0);
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void apiStatusShowsLiveComponentsTheirNinetyDaysAndTheJobQueue() {
        probes.record();
        HttpResponse<String> answer = HubPage.get(port, "/api/status");

        assertThat(answer.statusCode()).isEqualTo(200);
        Map<String, Object> json = JSON.readValue(answer.body(), Map.class);
        assertThat(json.get("status")).isIn("up", "degraded", "down");
        List<Map<String, Object>> components = (List<Map<String, Object>>) json.get("components");
        assertThat(components).extracting(c -> c.get("id"))
                .containsExactly("web", "database", "git", "lfs", "jobs", "validations");
        Map<String, Object> database = components.get(1);
        assertThat(database.get("state")).isEqualTo("up");
        assertThat((List<?>) database.get("days")).hasSize(90);
        assertThat(components.get(0).get("state")).as("the web probe reaches this hub's own port").isEqualTo("up");
        assertThat((Map<String, Object>) json.get("jobs")).containsKeys("due", "oldestWaitSeconds");
        assertThat(json).doesNotContainKey("lastBackup");
        assertThat(HubPage.get(port, "/status").body()).contains("id=\"component-database\"")
                .contains("class=\"bar bar-up\"");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anIncidentIsOpenedUpdatedAndResolvedAndStaysListed() throws Exception {
        String title = "Git pushes slow " + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> opened = HubHttp.send(port, "POST", "/api/status/incidents", JSON.writeValueAsString(Map.of(
                "title", title, "severity", "major", "components", List.of("git", "jobs"),
                "body", "Pushes take <b>minutes</b>; we are looking.")), "Authorization", ADMIN);
        assertThat(opened.statusCode()).isEqualTo(201);
        long id = ((Number) JSON.readValue(opened.body(), Map.class).get("id")).longValue();

        for (String page : List.of("/", "/models", "/status")) {
            assertThat(HubPage.get(port, page).body()).as(page).contains("id=\"status-banner\"").contains(title);
        }
        assertThat(HubPage.get(port, "/status/incidents/" + id).body())
                .contains("Pushes take &lt;b&gt;minutes&lt;/b&gt;; we are looking.");

        assertThat(HubHttp.send(port, "POST", "/api/status/incidents/" + id + "/updates",
                "{\"status\":\"identified\",\"body\":\"A full disk.\"}", "Authorization", ADMIN).statusCode())
                .isEqualTo(200);
        HttpResponse<String> resolved = HubHttp.send(port, "POST", "/api/status/incidents/" + id + "/updates",
                "{\"status\":\"resolved\",\"body\":\"Space freed.\"}", "Authorization", ADMIN);
        Map<String, Object> incident = JSON.readValue(resolved.body(), Map.class);
        assertThat(incident.get("identifiedAt")).isNotNull();
        assertThat(incident.get("resolvedAt")).isNotNull();
        assertThat((List<?>) incident.get("updates")).hasSize(3);

        assertThat(HubPage.get(port, "/models").body()).doesNotContain(title);
        Map<String, Object> list = JSON.readValue(HubPage.get(port, "/api/status/incidents").body(), Map.class);
        assertThat((List<Map<String, Object>>) list.get("past")).extracting(i -> i.get("title")).contains(title);
        assertThat(HubPage.get(port, "/status/history").body()).contains(title);
        HttpResponse<String> feed = HubPage.get(port, "/status/feed.atom");
        assertThat(feed.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
        Document atom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(feed.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(atom.getDocumentElement().getTextContent()).contains(title).contains("Space freed.");
        // The audit log keeps who opened, moved and resolved it; a refused update adds nothing.
        List<String> audited = jdbc.queryForList("SELECT action FROM audit_log WHERE category = 'incident'"
                + " AND target = ? ORDER BY id", String.class, "incident " + id + ": " + title);
        assertThat(audited).containsExactly("opened", "updated", "resolved");
        // A resolved incident takes no more updates.
        assertThat(HubHttp.send(port, "POST", "/api/status/incidents/" + id + "/updates",
                "{\"status\":\"monitoring\",\"body\":\"again\"}", "Authorization", ADMIN).statusCode()).isEqualTo(422);
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE category = 'incident' AND target = ?",
                String.class, "incident " + id + ": " + title)).hasSize(3);
    }

    @Test
    void oversizedOrUnauthorisedIncidentsAreRefusedAndNothingChanges() throws Exception {
        Long before = jdbc.queryForObject("SELECT COUNT(*) FROM incidents", Long.class);
        String member = "Bearer " + accounts.token(accounts.create("mem"), TokenScope.WRITE);

        HttpResponse<String> longBody = HubHttp.send(port, "POST", "/api/status/incidents", JSON.writeValueAsString(
                Map.of("title", "t", "severity", "minor", "components", List.of("web"), "body", "x".repeat(5001))),
                "Authorization", ADMIN);
        HttpResponse<String> longTitle = HubHttp.send(port, "POST", "/api/status/incidents", JSON.writeValueAsString(
                Map.of("title", "t".repeat(201), "severity", "minor", "components", List.of("web"), "body", "b")),
                "Authorization", ADMIN);
        HttpResponse<String> unknown = HubHttp.send(port, "POST", "/api/status/incidents", JSON.writeValueAsString(
                Map.of("title", "t", "severity", "minor", "components", List.of("moon"), "body", "b")),
                "Authorization", ADMIN);
        HttpResponse<String> notAdmin = HubHttp.send(port, "POST", "/api/status/incidents", JSON.writeValueAsString(
                Map.of("title", "t", "severity", "minor", "components", List.of("web"), "body", "b")),
                "Authorization", member);
        HttpResponse<String> anonymous = HubHttp.send(port, "POST", "/api/status/incidents", JSON.writeValueAsString(
                Map.of("title", "t", "severity", "minor", "components", List.of("web"), "body", "b")));

        assertThat(longBody.statusCode()).isEqualTo(422);
        assertThat(longBody.body()).contains("At most 5000 characters").contains("\"field\":\"body\"");
        assertThat(longTitle.statusCode()).isEqualTo(422);
        assertThat(longTitle.body()).contains("\"field\":\"title\"");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("Unknown component 'moon'");
        assertThat(notAdmin.statusCode()).isEqualTo(403);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM incidents", Long.class)).isEqualTo(before);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPlannedMaintenanceWindowIsListedAsUpcomingWithoutABanner() throws Exception {
        String title = "Database upgrade " + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> scheduled = HubHttp.send(port, "POST", "/api/status/maintenance", JSON.writeValueAsString(
                Map.of("title", title, "components", List.of("database"), "body", "PostgreSQL 17.",
                        "start", "2099-01-01T02:00:00Z", "end", "2099-01-01T03:00:00Z")), "Authorization", ADMIN);
        HttpResponse<String> backwards = HubHttp.send(port, "POST", "/api/status/maintenance", JSON.writeValueAsString(
                Map.of("title", title, "components", List.of("database"), "body", "b",
                        "start", "2099-01-01T02:00:00Z", "end", "2099-01-01T01:00:00Z")), "Authorization", ADMIN);

        assertThat(scheduled.statusCode()).isEqualTo(201);
        assertThat(backwards.statusCode()).isEqualTo(422);
        Map<String, Object> list = JSON.readValue(HubPage.get(port, "/api/status/incidents").body(), Map.class);
        assertThat((List<Map<String, Object>>) list.get("upcoming")).extracting(i -> i.get("title")).contains(title);
        assertThat(HubPage.get(port, "/models").body()).doesNotContain(title);
        assertThat(HubPage.get(port, "/status").body()).contains("id=\"upcoming\"").contains(title);
    }
}
