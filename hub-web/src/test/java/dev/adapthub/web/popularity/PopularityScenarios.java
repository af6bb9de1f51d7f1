package dev.adapthub.web.popularity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.popularity.DownloadCounter;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.core.token.TokenScope;
import dev.adapthub.git.write.Content;
import dev.adapthub.git.write.FileChange;
import dev.adapthub.web.support.HubHttp;
import dev.adapthub.web.support.HubPage;
import dev.adapthub.web.support.TestAccounts;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Downloads and likes, run on PostgreSQL ({@link PopularityPostgresTest}) and on H2
 * ({@link PopularityH2Test}): what counts as a download, batched writes, likes and the orders.
 */
abstract class PopularityScenarios {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired RepoService repos;
    @Autowired RepoWrites writes;
    @Autowired TestAccounts accounts;
    @Autowired DownloadCounter counter;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    Repo model(Account owner, boolean privateRepo) {
        Repo repo = repos.create(owner, new NewRepo(RepoKind.MODEL, null, "m-" + UUID.randomUUID().toString()
                .substring(0, 6), privateRepo));
        writes.commit(repo, owner, "main", ObjectId.zeroId(), "Seed", List.of(
                new FileChange.Put("config.json", Content.of("{\"model_type\":\"llama\"}".getBytes(StandardCharsets.UTF_8))),
                new FileChange.Put("README.md", Content.of("# m\n".getBytes(StandardCharsets.UTF_8)))));
        return repo;
    }

    long downloads(Repo repo) {
        Long n = jdbc.queryForObject("SELECT COALESCE(SUM(downloads), 0) FROM repo_downloads WHERE repository_id = ?",
                Long.class, repo.id());
        return n == null ? 0 : n;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> info(Repo repo, String... headers) {
        return JSON.readValue(HubPage.get(port, "/api/models/" + repo.fullName(), headers).body(), Map.class);
    }

    @Test
    void resolvingConfigJsonCountsGetAndHeadButNotOtherFilesRawOrTheHubsProbes() {
        Repo repo = model(accounts.create("dl"), false);
        String config = "/" + repo.urlPath() + "/resolve/main/config.json";
        for (int i = 0; i < 3; i++) {
            assertThat(HubPage.get(port, config).statusCode()).isEqualTo(200);
        }
        assertThat(HubHttp.send(port, "HEAD", config, null).statusCode()).isEqualTo(200);
        HubPage.get(port, "/" + repo.urlPath() + "/resolve/main/README.md");
        HubPage.get(port, "/" + repo.urlPath() + "/raw/main/config.json");
        HubPage.get(port, config, "User-Agent", DownloadCounter.PROBE_AGENT + "/1");
        HubPage.get(port, "/" + repo.urlPath() + "/resolve/main/missing/config.json");

        counter.flush();
        assertThat(downloads(repo)).isEqualTo(4);
        counter.flush();
        assertThat(downloads(repo)).as("a flush writes each count once").isEqualTo(4);
        HubPage.get(port, config);
        HubPage.get(port, config);
        counter.flush();
        assertThat(downloads(repo)).as("the second batch updates the day's row").isEqualTo(6);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM repo_downloads WHERE repository_id = ?", Long.class,
                repo.id())).isEqualTo(1);

        Map<String, Object> info = info(repo);
        assertThat(info).containsEntry("downloads", 6).containsEntry("likes", 0).containsEntry("trendingScore", 6);
    }

    @Test
    @SuppressWarnings("unchecked")
    void likesAreOnePerAccountAndThroughTheHuggingFaceApi() {
        Account owner = accounts.create("own");
        Repo repo = model(owner, false);
        String fan = "Bearer " + accounts.token(accounts.create("fan"), TokenScope.WRITE);
        String like = "/api/models/" + repo.fullName() + "/like";

        assertThat(HubHttp.send(port, "POST", like, null, "Authorization", fan).statusCode()).isEqualTo(200);
        HttpResponse<String> twice = HubHttp.send(port, "POST", like, null, "Authorization", fan);
        assertThat(JSON.readValue(twice.body(), Map.class)).containsEntry("likes", 1);
        assertThat(info(repo)).containsEntry("likes", 1).containsEntry("trendingScore", 10);
        List<Map<String, Object>> likers = JSON.readValue(HubPage.get(port, "/api/models/" + repo.fullName()
                + "/likers").body(), List.class);
        assertThat(likers).hasSize(1);

        HttpResponse<String> unliked = HubHttp.send(port, "DELETE", like, null, "Authorization", fan);
        assertThat(JSON.readValue(unliked.body(), Map.class)).containsEntry("likes", 0);
        assertThat(info(repo)).containsEntry("likes", 0);
    }

    @Test
    void aLikeOnAPrivateRepositoryByAnOutsiderIsNotFoundAndChangesNothing() {
        Account owner = accounts.create("own");
        Repo secret = model(owner, true);
        String outsider = "Bearer " + accounts.token(accounts.create("out"), TokenScope.WRITE);
        String like = "/api/models/" + secret.fullName() + "/like";

        HttpResponse<String> refused = HubHttp.send(port, "POST", like, null, "Authorization", outsider);
        HttpResponse<String> anonymous = HubHttp.send(port, "POST", like, null);
        HttpResponse<String> publicAnonymous = HubHttp.send(port, "POST", "/api/models/"
                + model(owner, false).fullName() + "/like", null);

        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.headers().firstValue("X-Error-Code")).hasValue("RepoNotFound");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(publicAnonymous.statusCode()).isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM repo_likes WHERE repository_id = ?", Long.class,
                secret.id())).isZero();
        assertThat(HubHttp.send(port, "POST", like, null, "Authorization", "Bearer "
                + accounts.token(owner, TokenScope.WRITE)).statusCode()).isEqualTo(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void listingsSortByLikesDownloadsAndTrending() {
        Account owner = accounts.create("srt");
        Repo liked = model(owner, false);
        Repo downloaded = model(owner, false);
        for (int i = 0; i < 2; i++) {
            HubHttp.send(port, "POST", "/api/models/" + liked.fullName() + "/like", null, "Authorization",
                    "Bearer " + accounts.token(accounts.create("f"), TokenScope.WRITE));
        }
        HubHttp.send(port, "POST", "/api/models/" + downloaded.fullName() + "/like", null, "Authorization",
                "Bearer " + accounts.token(accounts.create("f"), TokenScope.WRITE));
        for (int i = 0; i < 15; i++) {
            HubPage.get(port, "/" + downloaded.urlPath() + "/resolve/main/config.json");
        }
        counter.flush();

        List<String> byLikes = ids("/api/models?author=" + owner.name() + "&sort=likes");
        List<String> byDownloads = ids("/api/models?author=" + owner.name() + "&sort=downloads");
        // trending: liked 2 likes × 10 = 20; downloaded 1 × 10 + 15 = 25
        List<String> byTrending = ids("/api/models?author=" + owner.name() + "&sort=trending_score");

        assertThat(byLikes).containsExactly(liked.fullName(), downloaded.fullName());
        assertThat(byDownloads).containsExactly(downloaded.fullName(), liked.fullName());
        assertThat(byTrending).containsExactly(downloaded.fullName(), liked.fullName());
        assertThat(HubPage.get(port, "/models?sort=likes").statusCode()).isEqualTo(200);
    }

    @SuppressWarnings("unchecked")
    private List<String> ids(String path) {
        List<Map<String, Object>> list = JSON.readValue(HubPage.get(port, path).body(), List.class);
        return list.stream().map(m -> (String) m.get("id")).toList();
    }
}
