package dev.adapthub.web.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.web.support.HubPage;
import dev.adapthub.web.support.HubWebTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@link StatusScenarios} on PostgreSQL, and the Prometheus metrics. */
@HubWebTest
class StatusPostgresTest extends StatusScenarios {

    @Test
    void prometheusMetricsAreForAdministratorsAndNameTheHubsOwnMeters() {
        HubPage.get(port, "/status");
        HttpResponse<String> anonymous = HubPage.get(port, "/actuator/prometheus");
        HttpResponse<String> metrics = HubPage.get(port, "/actuator/prometheus", "Authorization", ADMIN);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("adapthub_git_pushes_total", "adapthub_git_clones_total",
                "adapthub_lfs_bytes_total{", "direction=\"download\"", "adapthub_validations{",
                "verdict=\"PASS\"", "adapthub_jobs_due", "adapthub_jobs_oldest_wait_seconds",
                "adapthub_jobs_latency_seconds", "http_server_requests_seconds_bucket",
                "uri=\"/status\"");
    }
}
