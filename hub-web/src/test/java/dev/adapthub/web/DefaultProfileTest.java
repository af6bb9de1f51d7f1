package dev.adapthub.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.web.support.HubPage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hub as a newcomer starts it: no configuration, the embedded H2 file database under the
 * data directory, the same Flyway migrations, demo content seeded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DefaultProfileTest {

    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        dataDir = Files.createTempDirectory("adapthub-default-profile");
        registry.add("hub.data-dir", dataDir::toString);
    }

    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    @Test
    void startsOnH2UnderTheDataDirRunsEveryMigrationAndServesSeededContent() throws IOException {
        long migrationFiles;
        try (var files = Files.list(Path.of("../hub-core/src/main/resources/db/migration"))) {
            migrationFiles = files.filter(f -> f.getFileName().toString().endsWith(".sql")).count();
        }
        String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());

        assertThat(product).isEqualTo("H2");
        assertThat(Files.exists(dataDir.resolve("db/adapthub.mv.db"))).isTrue();
        // TOOLCHAIN.md gotcha 5: count only the SQL rows of Flyway's history on H2.
        assertThat(jdbc.queryForObject("select count(*) from \"flyway_schema_history\" where \"type\" = 'SQL' and \"success\"",
                Long.class)).isEqualTo(migrationFiles);

        HttpResponse<String> home = HubPage.get(port, "/", "Accept", "text/html");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("vLLM").contains("Ascend adapters")
                .contains("meta-llama/Llama-3.1-8B-Instruct").contains("ggml-org/llama.cpp").contains("Ascend 910B3");
        assertThat(HubPage.get(port, "/meta-llama/Llama-3.1-8B-Instruct").body())
                .contains("chip: ascend-910b3").contains("config.json");
    }

    @Test
    void startingAgainSeedsNothingTwice() throws Exception {
        Long repos = jdbc.queryForObject("select count(*) from repositories", Long.class);
        Long organizations = jdbc.queryForObject("select count(*) from organizations", Long.class);

        firstStart.run();

        assertThat(repos).isGreaterThanOrEqualTo(14);
        assertThat(jdbc.queryForObject("select count(*) from repositories", Long.class)).isEqualTo(repos);
        assertThat(jdbc.queryForObject("select count(*) from organizations", Long.class)).isEqualTo(organizations);
    }

    @Autowired dev.adapthub.core.bootstrap.FirstStart firstStart;

    @Test
    void theDemoProposalsAreOpenAndTheirChecksEndWithTheExpectedVerdicts() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from check_runs where status <> 'PENDING'", Long.class) >= 3);
        java.util.List<String> verdicts = jdbc.queryForList("select p.title || ': ' || c.verdict from check_runs c"
                + " join pull_requests p on p.id = c.pull_request_id order by p.title", String.class);

        assertThat(verdicts).containsExactly(
                "Add Llama-3.1-8B-Instruct on H100 SXM with online FP8 (vLLM): PASS",
                "Add Qwen2.5-72B-Instruct on a single Ascend 910B4 (vllm-ascend, bf16): FAIL",
                "Add Qwen2.5-7B-Instruct for Atlas 300I Duo (Ascend 310P, MindIE): FAIL");
        firstStart.run();
        assertThat(jdbc.queryForObject("select count(*) from pull_requests", Long.class)).isEqualTo(3);
        assertThat(HubPage.get(port, "/Qwen/Qwen2.5-7B-Instruct/pulls").body()).contains("Atlas 300I Duo");
    }

    @Test
    void searchFindsReadmeWordsAndChineseOnH2WithoutFullTextSearch() throws Exception {
        // H2 has no to_tsvector: each word must appear in the document (LIKE), so whole words are needed.
        HttpResponse<String> found = HubPage.get(port, "/search?q=grouped-query+attention&kind=model");
        HttpResponse<String> none = HubPage.get(port, "/search?q=grouped-query+nonexistentword");
        HttpResponse<String> tooLong = HubPage.get(port, "/search?q=" + "y".repeat(300));

        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("meta-llama/Llama-3.1-8B-Instruct").contains("id=\"facet-family\"");
        assertThat(none.body()).contains("id=\"no-hits\"").doesNotContain("class=\"hit-name\"");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("300 characters");
    }
}
