package dev.adapthub.web.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adapthub.core.account.Account;
import dev.adapthub.core.adaptation.AdaptationIndex;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.core.search.SearchService;
import dev.adapthub.git.write.FileChange;
import dev.adapthub.web.support.SeededHubTest;
import dev.adapthub.web.support.TestAccounts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Search on the seeded hub, on PostgreSQL (its full text search): words found in READMEs, facets that
 * narrow and count, private repositories only for those who may read them, Chinese words, suggestions,
 * and refused queries answered on the page with the typed text kept.
 */
@SeededHubTest
class SearchTest {

    static final String LLAMA = "meta-llama/Llama-3.1-8B-Instruct";

    @Autowired MockMvc mvc;
    @Autowired RepoService repos;
    @Autowired RepoWrites writes;
    @Autowired AdaptationIndex index;
    @Autowired TestAccounts accounts;
    @Autowired DataSource dataSource;

    @BeforeEach
    void seeded() {
        Repo llama = repos.find(RepoKind.MODEL, "meta-llama", "Llama-3.1-8B-Instruct", null).orElseThrow();
        Awaitility.await().atMost(60, TimeUnit.SECONDS).until(() -> index.forRepository(llama).size() == 4);
    }

    @Test
    void wordsFromTheReadmeFindTheModelWithStemming() throws Exception {
        // Llama's README says "grouped-query attention"; "groups" and "attentions" find it through the stems.
        Document page = page(get("/search").param("q", "grouped attentions"));

        assertThat(hits(page)).contains(LLAMA);
        assertThat(page.select("#search-query").attr("value")).isEqualTo("grouped attentions");
        Document byLikes = page(get("/search").param("q", "instruct").param("sort", "likes"));
        assertThat(byLikes.select("#sort-likes.selected")).hasSize(1);
        assertThat(byLikes.select("#hits .popularity").first().text()).contains("likes").contains("downloads");
    }

    @Test
    void theFullTextConditionIsAnsweredFromItsIndex() throws Exception {
        // With sequential scans priced out, the planner uses an index whenever one matches the condition's
        // expression; without V23's GIN index (or if the query's expression drifted from it) the plan
        // stays a sequential scan that parses every document.
        List<String> plan = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement settings = connection.createStatement()) {
                settings.execute("SET LOCAL enable_seqscan = off");
            }
            try (PreparedStatement explain = connection.prepareStatement(
                    "EXPLAIN SELECT s.repository_id FROM repository_search s WHERE " + SearchService.FULL_TEXT_MATCH)) {
                explain.setString(1, "grouped attention");
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        plan.add(rows.getString(1));
                    }
                }
            }
            connection.rollback();
        }
        assertThat(String.join("\n", plan)).contains("ix_repository_search_document");
    }

    @Test
    void facetsNarrowAndCountAsIfChosen() throws Exception {
        Document all = page(get("/search").param("kind", "model"));
        Document cpu = page(get("/search").param("kind", "model").param("family", "CPU"));
        Document validatedOnAscend = page(get("/search").param("kind", "model").param("vendor", "Huawei")
                .param("validated", "true"));

        long cpuCount = count(all, "family", "CPU");
        assertThat(cpuCount).as("the demo has CPU configs for some models only").isBetween(1L, hits(all).size() - 1L);
        assertThat(hits(cpu)).hasSize((int) cpuCount).contains(LLAMA);
        // The family facet keeps counting the other families while CPU is chosen, so one can switch.
        assertThat(count(cpu, "family", "NPU")).isEqualTo(count(all, "family", "NPU"));
        assertThat(cpu.select("#facet-family a.selected").attr("data-value")).isEqualTo("CPU");
        assertThat(hits(validatedOnAscend)).contains(LLAMA);
        assertThat(validatedOnAscend.select("#hits li").first().text()).contains("validated on");
    }

    @Test
    void privateRepositoriesAreFoundOnlyByThoseWhoMayReadThem() throws Exception {
        Account owner = accounts.create("searcher");
        Account stranger = accounts.create("stranger");
        repos.create(owner, new NewRepo(RepoKind.MODEL, null, "quietsecretmodel", true));

        assertThat(hits(page(get("/search").param("q", "quietsecretmodel")))).isEmpty();
        assertThat(hits(page(get("/search").param("q", "quietsecretmodel").with(user(accounts.principal(stranger))))))
                .isEmpty();
        assertThat(hits(page(get("/search").param("q", "quietsecretmodel").with(user(accounts.principal(owner))))))
                .containsExactly(owner.name() + "/quietsecretmodel");
        assertThat(suggest("quietsecret", null)).isEmpty();
        assertThat(suggest("quietsecret", owner)).extracting(s -> s.path("label").asText())
                .containsExactly(owner.name() + "/quietsecretmodel");
    }

    @Test
    void chineseWordsAreFoundWithoutSpacesToSplitOn() throws Exception {
        Account owner = accounts.create("zhwriter");
        Repo repo = repos.create(owner, new NewRepo(RepoKind.MODEL, null, "ascend-notes", false));
        writes.commit(repo, owner, "main", null, "README", List.of(FileChange.put("README.md",
                "# 昇腾适配笔记\n\n在昇腾910B上用 vllm-ascend 部署大模型的经验。\n".getBytes())));

        Awaitility.await().atMost(20, TimeUnit.SECONDS).untilAsserted(() ->
                assertThat(hits(page(get("/search").param("q", "昇腾 部署")))).contains(owner.name() + "/ascend-notes"));
        assertThat(hits(page(get("/search").param("q", "昇腾 不存在的词")))).isEmpty();
    }

    @Test
    void suggestionsOfferModelsChipsAndOrganizationsAsOneTypes() throws Exception {
        assertThat(suggest("llama-3.1", null)).extracting(s -> s.path("label").asText()).contains(LLAMA);
        assertThat(suggest("910b", null)).anySatisfy(s -> {
            assertThat(s.path("kind").asText()).isEqualTo("chip");
            assertThat(s.path("path").asText()).startsWith("/chips/ascend-910b");
        });
        assertThat(suggest("ascend-comm", null)).anySatisfy(s -> assertThat(s.path("kind").asText())
                .isEqualTo("organization"));
        assertThat(suggest("", null)).isEmpty();
    }

    @Test
    void refusedQueriesComeBackOnThePageWithTheTextKept() throws Exception {
        String huge = "x".repeat(201);

        MockHttpServletResponse tooLong = mvc.perform(get("/search").param("q", huge)).andReturn().getResponse();
        MockHttpServletResponse badKind = mvc.perform(get("/search").param("q", "llama").param("kind", "weights"))
                .andReturn().getResponse();
        MockHttpServletResponse badPage = mvc.perform(get("/search").param("q", "llama").param("page", "-1"))
                .andReturn().getResponse();
        Document empty = page(get("/search").param("q", "   "));

        assertThat(tooLong.getStatus()).isEqualTo(400);
        Document tooLongPage = Jsoup.parse(tooLong.getContentAsString());
        assertThat(tooLongPage.select("#search-error").text()).contains("201 characters").contains("200");
        assertThat(tooLongPage.select("#search-query").attr("value")).isEqualTo(huge);
        assertThat(badKind.getStatus()).isEqualTo(400);
        assertThat(Jsoup.parse(badKind.getContentAsString()).select("#search-error").text())
                .contains("'weights'").contains("model, dataset or tool");
        assertThat(badPage.getStatus()).isEqualTo(400);
        assertThat(empty.select("#search-hint").text()).contains("Type what you look for");
        assertThat(empty.select("#hits")).isEmpty();
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    private static List<String> hits(Document page) {
        return page.select("#hits a.hit-name").eachText();
    }

    private static long count(Document page, String facet, String value) {
        String text = page.select("#facet-" + facet + " a[data-value=" + value + "] .count").text();
        return text.isEmpty() ? 0 : Long.parseLong(text);
    }

    private List<JsonNode> suggest(String q, Account viewer) throws Exception {
        MockHttpServletRequestBuilder request = get("/search/suggest").param("q", q);
        if (viewer != null) {
            request = request.with(user(accounts.principal(viewer)));
        }
        JsonNode json = new ObjectMapper().readTree(mvc.perform(request).andReturn().getResponse().getContentAsString());
        List<JsonNode> out = new java.util.ArrayList<>();
        json.forEach(out::add);
        return out;
    }
}
