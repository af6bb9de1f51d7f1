package dev.adapthub.web.hf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.core.token.TokenScope;
import dev.adapthub.git.lfs.LfsOid;
import dev.adapthub.git.lfs.LfsStores;
import dev.adapthub.git.write.FileChange;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.TestAccounts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * Credentials as the Hugging Face clients present them, through the real server: tokens with the
 * {@code hf_} prefix the JavaScript client insists on, Bearer downloads of private files, and LFS
 * upload links that work without credentials only for the object they were signed for.
 */
@HubWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HfCredentialsTest {

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired RepoService repos;
    @Autowired RepoWrites writes;
    @Autowired LfsStores lfs;

    private final HttpClient http = HttpClient.newHttpClient();
    Account owner;
    Repo secret;
    String token;

    @BeforeAll
    void createPrivateRepository() {
        owner = accounts.create("hfcred");
        token = accounts.token(owner, TokenScope.WRITE);
        secret = repos.create(owner, new NewRepo(RepoKind.MODEL, null, "secret", true));
        writes.commit(secret, owner, "main", null, "Secret", List.of(FileChange.put("key.txt", "s3cret\n")));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    @Test
    void privateFilesDownloadWithABearerTokenWithOrWithoutTheHfPrefix() throws Exception {
        String file = "/" + secret.urlPath() + "/resolve/main/key.txt";
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(url(file)));
        HttpResponse<String> plain = send(HttpRequest.newBuilder(url(file)).header("Authorization", "Bearer " + token));
        HttpResponse<String> prefixed = send(HttpRequest.newBuilder(url(file))
                .header("Authorization", "Bearer hf_" + token));
        HttpResponse<String> wrong = send(HttpRequest.newBuilder(url(file))
                .header("Authorization", "Bearer hf_nope" + token));

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("X-Error-Code")).contains("RepoNotFound");
        assertThat(plain.body()).isEqualTo("s3cret\n");
        assertThat(prefixed.body()).isEqualTo("s3cret\n");
        assertThat(prefixed.headers().firstValue("X-Repo-Commit")).isPresent();
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    @Test
    void signedUploadLinksWorkWithoutCredentialsOnlyForTheirObject() throws Exception {
        byte[] content = "an object uploaded the way the JS client does it\n".getBytes(StandardCharsets.UTF_8);
        String oid = HfFixture.sha256(content);
        String batch = "{\"operation\":\"upload\",\"transfers\":[\"basic\",\"multipart\",\"xet\"],\"hash_algo\":\"sha_256\","
                + "\"ref\":{\"name\":\"main\"},\"objects\":[{\"oid\":\"" + oid + "\",\"size\":" + content.length + "}]}";
        HttpResponse<String> answer = send(HttpRequest.newBuilder(url("/" + secret.urlPath()
                + ".git/info/lfs/objects/batch")).header("Authorization", "Bearer hf_" + token)
                .header("Accept", "application/vnd.git-lfs+json").header("Content-Type", "application/vnd.git-lfs+json")
                .POST(HttpRequest.BodyPublishers.ofString(batch)));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = JsonMapper.builder().build().readValue(answer.body(), Map.class);
        assertThat(json).containsEntry("transfer", "basic");
        String href = answer.body().replaceAll("(?s).*\"upload\":\\{\"href\":\"([^\"]+)\".*", "$1")
                .replace("\\u003d", "=").replace("\\u0026", "&");
        assertThat(href).startsWith("http://localhost:" + port + "/").contains("hub_upload=");

        String otherOid = "b".repeat(64);
        HttpResponse<String> elsewhere = send(HttpRequest.newBuilder(URI.create(href.replace(oid, otherOid)))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
        HttpResponse<String> tampered = send(HttpRequest.newBuilder(URI.create(href.substring(0, href.length() - 2)
                + "xx")).PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
        HttpResponse<String> unsigned = send(HttpRequest.newBuilder(URI.create(href.substring(0, href.indexOf('?'))))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
        assertThat(elsewhere.statusCode()).isEqualTo(401);
        assertThat(tampered.statusCode()).isEqualTo(401);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(lfs.forRepository(repos.storageOf(secret)).contains(new LfsOid(oid))).isFalse();

        HttpResponse<String> signed = send(HttpRequest.newBuilder(URI.create(href))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        assertThat(lfs.forRepository(repos.storageOf(secret)).contains(new LfsOid(oid))).isTrue();
    }
}
