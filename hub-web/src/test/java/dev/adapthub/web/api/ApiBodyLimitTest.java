package dev.adapthub.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.web.support.HubWebTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * JSON bodies of the API are bounded before anything reads them: anonymous requests of tens of
 * megabytes once filled the heap (found in review). Through the real Tomcat, with and without a
 * declared length.
 */
@HubWebTest
class ApiBodyLimitTest {

    @LocalServerPort int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private static byte[] pathsInfo(int bytes) {
        StringBuilder json = new StringBuilder("{\"paths\":[");
        while (json.length() < bytes) {
            json.append("\"").append("p".repeat(60)).append("\",");
        }
        json.append("\"last\"]}");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> post(String path, HttpRequest.BodyPublisher body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anOversizedBodyGets413WithAMessageWhetherItsLengthIsDeclaredOrNot() throws Exception {
        byte[] huge = pathsInfo(5 << 20);

        HttpResponse<String> declared = post("/api/models/nobody/nothing/paths-info/main",
                HttpRequest.BodyPublishers.ofByteArray(huge));
        HttpResponse<String> chunked = post("/api/models/nobody/nothing/paths-info/main",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)));

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.headers().firstValue("X-Error-Message")).hasValueSatisfying(m -> assertThat(m)
                .contains("at most 2 MiB"));
        assertThat(chunked.request().headers().firstValue("Content-Length")).isEmpty();
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
        assertThat(chunked.body()).contains("at most 2 MiB");
    }

    @Test
    void aBodyWithinTheLimitIsReadAsBefore() throws Exception {
        HttpResponse<String> small = post("/api/models/nobody/nothing/paths-info/main",
                HttpRequest.BodyPublishers.ofByteArray(pathsInfo(10_000)));

        assertThat(small.statusCode()).as("anonymous: 401, as the Hub answers").isEqualTo(401);
        assertThat(small.headers().firstValue("X-Error-Code")).hasValue("RepoNotFound");
    }
}
