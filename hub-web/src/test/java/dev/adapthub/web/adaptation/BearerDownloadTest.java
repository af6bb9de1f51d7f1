package dev.adapthub.web.adaptation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.adaptation.AdaptationIndex;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.core.token.TokenScope;
import dev.adapthub.web.support.HubPage;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.TestAccounts;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A token reads a private repository on every download path, as through the API: files
 * ({@code /resolve/}), validated configs, their bundle and report; without it, or with the token
 * of someone who may not read the repository, the repository does not exist (404).
 */
@HubWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BearerDownloadTest {

    static final String CONFIG = "adaptations/nvidia-rtx-3090-vllm.yaml";

    @Autowired TestAccounts accounts;
    @Autowired RepoService repos;
    @Autowired RepoWrites writes;
    @Autowired AdaptationIndex index;
    @LocalServerPort int port;

    Repo repo;
    String ownerToken;
    String outsiderToken;

    @BeforeAll
    void privateModelWithAValidatedConfig() {
        Account owner = accounts.create("bearer");
        repo = AdaptationFixture.model(repos, writes, owner, "private-downloads", true,
                CONFIG, "Qwen/Qwen2.5-7B-Instruct/adaptations/nvidia-rtx-3090-vllm.yaml");
        AdaptationFixture.await(index, repo, CONFIG, r -> true);
        ownerToken = accounts.token(owner, TokenScope.READ);
        outsiderToken = accounts.token(accounts.create("stranger"), TokenScope.READ);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/resolve/main/config.json", "/resolve/main/" + CONFIG, "/raw/main/config.json",
            "/adaptations/nvidia-rtx-3090/nvidia-rtx-3090-vllm.yaml",
            "/adaptations/nvidia-rtx-3090/nvidia-rtx-3090-vllm.yaml?format=vllm-yaml",
            "/adaptations/nvidia-rtx-3090/nvidia-rtx-3090-vllm.yaml/bundle",
            "/adaptations/nvidia-rtx-3090/nvidia-rtx-3090-vllm.yaml/report.json"})
    void theOwnersBearerTokenDownloadsFromThePrivateRepository(String rest) {
        String path = "/" + repo.urlPath() + rest;

        HttpResponse<String> withToken = HubPage.get(port, path, "Authorization", "Bearer " + ownerToken);
        HttpResponse<String> withHfPrefix = HubPage.get(port, path, "Authorization", "Bearer hf_" + ownerToken);
        HttpResponse<String> anonymous = HubPage.get(port, path);
        HttpResponse<String> outsider = HubPage.get(port, path, "Authorization", "Bearer " + outsiderToken);

        assertThat(withToken.statusCode()).as(path).isEqualTo(200);
        assertThat(withToken.body()).isNotEmpty();
        assertThat(withHfPrefix.statusCode()).as(path).isEqualTo(200);
        // File downloads answer an anonymous caller 401 RepoNotFound (the Hugging Face clients' convention,
        // which hides whether the repository exists); the hub's own download pages answer 404.
        assertThat(anonymous.statusCode()).as(path).isEqualTo(rest.startsWith("/adaptations/") ? 404 : 401);
        assertThat(outsider.statusCode()).as(path).isEqualTo(404);
    }
}
