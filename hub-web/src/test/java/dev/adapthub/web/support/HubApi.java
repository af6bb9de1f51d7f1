package dev.adapthub.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The REST API and Git data of a {@link HubProcess}, as the admin (its token), for tests that drive one. */
public final class HubApi {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private HubApi() {
    }

    /** Sends {@code body} (null: none) as JSON with the admin's token. */
    public static HttpResponse<String> send(HubProcess hub, String method, String path, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub.baseUrl() + path))
                .timeout(Duration.ofSeconds(60)).header("Accept", "application/json")
                .header("Authorization", "Bearer " + HubProcess.ADMIN_TOKEN);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** As {@link #send}, requiring {@code expected}; the answer as JSON. */
    public static JsonNode call(HubProcess hub, String method, String path, Object body, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> response = send(hub, method, path, body);
        assertThat(response.statusCode()).as("%s %s: %s (hub log %s)", method, path, response.body(), hub.log())
                .isEqualTo(expected);
        return JSON.readTree(response.body());
    }

    /** The refs {@code git ls-remote} lists for the repository at {@code url}. */
    public static Map<String, String> remoteRefs(GitCli git, Path dir, String url) throws IOException, InterruptedException {
        Map<String, String> refs = new HashMap<>();
        for (String line : git.ok(dir, "ls-remote", url).stdout().split("\n")) {
            String[] parts = line.split("\t");
            if (parts.length == 2) {
                refs.put(parts[1], parts[0]);
            }
        }
        return refs;
    }

    /** Every bare repository under a hub data directory. */
    public static List<Path> bareRepositories(Path dataDir) throws IOException {
        try (Stream<Path> files = Files.walk(dataDir.resolve("git"), 6)) {
            return files.filter(d -> Files.isRegularFile(d.resolve("HEAD")) && Files.isDirectory(d.resolve("objects")))
                    .toList();
        }
    }
}
