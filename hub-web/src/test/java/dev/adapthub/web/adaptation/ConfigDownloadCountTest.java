package dev.adapthub.web.adaptation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.adaptation.AdaptationIndex;
import dev.adapthub.core.popularity.DownloadCounter;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.web.support.HubPage;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Validated-config downloads are counted per config, shown in the matrix and as the chip's most used config. */
@HubWebTest
class ConfigDownloadCountTest {

    static final String CONFIG = "adaptations/nvidia-rtx-3090-vllm.yaml";

    @Autowired RepoService repos;
    @Autowired RepoWrites writes;
    @Autowired TestAccounts accounts;
    @Autowired AdaptationIndex index;
    @Autowired DownloadCounter counter;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    @Test
    void validatedConfigDownloadsCountForTheConfigAndItsRepository() {
        Account owner = accounts.create("cfg");
        Repo repo = AdaptationFixture.model(repos, writes, owner, "counted", false, CONFIG,
                "Qwen/Qwen2.5-7B-Instruct/" + CONFIG);
        AdaptationFixture.await(index, repo, CONFIG, r -> true);
        String base = "/" + repo.urlPath() + "/adaptations/nvidia-rtx-3090/nvidia-rtx-3090-vllm.yaml";

        assertThat(HubPage.get(port, base).statusCode()).isEqualTo(200);
        assertThat(HubPage.get(port, base + "?format=vllm").statusCode()).isEqualTo(200);
        assertThat(HubPage.get(port, base + "/bundle").statusCode()).isEqualTo(200);
        HubPage.get(port, base + "/report.json");
        counter.flush();

        assertThat(jdbc.queryForObject("SELECT SUM(downloads) FROM config_downloads WHERE repository_id = ? AND path = ?",
                Long.class, repo.id(), CONFIG)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT SUM(downloads) FROM repo_downloads WHERE repository_id = ?",
                Long.class, repo.id())).isEqualTo(3);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(HubPage.get(port, "/api/matrix").body()).contains("\"downloads\":3");
            assertThat(HubPage.get(port, "/chips/nvidia-rtx-3090").body()).contains("id=\"most-used\"")
                    .contains(repo.fullName());
        });
    }
}
