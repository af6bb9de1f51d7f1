package dev.adapthub.web.lfs;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Git LFS batch API and plain HTTP, spoken by hand, for the cases a well-behaved client never produces. */
final class LfsHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();
    // Redirects are looked at, not followed.
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String hub;

    LfsHttp(int port) {
        this.hub = "http://localhost:" + port;
    }

    record Answer(int status, String body, HttpResponse<byte[]> raw) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    /** POSTs a batch request for one object of {@code repoPath} and answers the object's part of the response. */
    JsonNode batch(String repoPath, String user, String token, String operation, String oid, long size) throws Exception {
        Answer answer = batchAnswer(repoPath, user, token, operation, oid, size);
        if (answer.status() != 200) {
            throw new AssertionError("batch answered " + answer.status() + ": " + answer.body());
        }
        return answer.json().get("objects").get(0);
    }

    /** The whole answer of a batch request for one object. */
    Answer batchAnswer(String repoPath, String user, String token, String operation, String oid, long size)
            throws Exception {
        String body = JSON.writeValueAsString(Map.of("operation", operation, "transfers", List.of("basic"),
                "objects", List.of(Map.of("oid", oid, "size", size))));
        return send(HttpRequest.newBuilder(URI.create(hub + "/" + repoPath + ".git/info/lfs/objects/batch"))
                .header("Authorization", basic(user, token)).header("Accept", "application/vnd.git-lfs+json")
                .header("Content-Type", "application/vnd.git-lfs+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Calls an action ({@code href} and its {@code header}s) with {@code method}. */
    Answer action(JsonNode action, String method, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(action.get("href").asString()));
        JsonNode headers = action.get("header");
        if (headers != null && !headers.isNull()) {
            for (String name : headers.propertyNames()) {
                request.header(name, headers.get(name).asString());
            }
        }
        return send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    Answer verify(JsonNode verifyAction, String oid, long size) throws Exception {
        return action(verifyAction, "POST", JSON.writeValueAsString(Map.of("oid", oid, "size", size))
                .getBytes(StandardCharsets.UTF_8));
    }

    Answer get(String url, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.startsWith("/") ? hub + url : url));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.GET());
    }

    Answer commitLfsFile(String repoPath, String token, String path, String oid, long size) throws Exception {
        String body = JSON.writeValueAsString(Map.of("key", "header", "value", Map.of("summary", "Add " + path)))
                + "\n" + JSON.writeValueAsString(Map.of("key", "lfsFile", "value", Map.of("path", path, "algo",
                        "sha256", "oid", oid, "size", size))) + "\n";
        return send(HttpRequest.newBuilder(URI.create(hub + "/api/models/" + repoPath + "/commit/main"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Answer send(HttpRequest.Builder request) throws Exception {
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8), response);
    }

    static String basic(String user, String token) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + token).getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
