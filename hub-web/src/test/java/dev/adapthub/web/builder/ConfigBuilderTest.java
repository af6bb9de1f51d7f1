package dev.adapthub.web.builder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.pull.PullRequestService;
import dev.adapthub.core.pull.PullState;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.git.write.FileChange;
import dev.adapthub.web.support.SeededHubTest;
import dev.adapthub.web.support.TestAccounts;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The config builder's fragment endpoint and its pull-request form on the seeded hub: a good form
 * answers the report's parts, a config that does not fit answers 200 with the finding, bad fields
 * answer 400 with a message per field and create nothing, private models stay private.
 */
@SeededHubTest
class ConfigBuilderTest {

    static final String LLAMA = "meta-llama/Llama-3.1-8B-Instruct";

    @Autowired MockMvc mvc;
    @Autowired RepoService repos;
    @Autowired RepoWrites writes;
    @Autowired PullRequestService pulls;
    @Autowired TestAccounts accounts;

    static Map<String, String> good() {
        return new java.util.LinkedHashMap<>(Map.ofEntries(Map.entry("model", LLAMA),
                Map.entry("chip", "ascend-910b3"), Map.entry("engine", "vllm-ascend:0.9.1"),
                Map.entry("weights", "bf16"), Map.entry("kvCache", "bf16"), Map.entry("tensor", "1"),
                Map.entry("pipeline", "1"), Map.entry("maxModelLen", "32768"), Map.entry("maxNumSeqs", "128"),
                Map.entry("inputTokens", "2048"), Map.entry("outputTokens", "256"), Map.entry("concurrency", "8"),
                Map.entry("utilization", "0.90"), Map.entry("name", "builder-test")));
    }

    static MockHttpServletRequestBuilder with(MockHttpServletRequestBuilder request, Map<String, String> form) {
        form.forEach(request::param);
        return request;
    }

    @Test
    void aGoodFormAnswersTheMemoryBarRooflineEstimateAndYaml() throws Exception {
        MockHttpServletResponse response = mvc.perform(with(get("/builder/preview"), good())).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        Document html = Jsoup.parse(response.getContentAsString());
        assertThat(html.select("#verdict").text()).isIn("PASS", "WARN");
        assertThat(html.select("#memory-chart rect.mem-kv")).isNotEmpty();
        assertThat(html.select("#roofline-chart circle.pt-decode")).isNotEmpty();
        assertThat(html.select("#performance").text()).contains("Decode step");
        assertThat(html.select("#yaml").text()).contains("maxModelLen: 32768").contains("chip: ascend-910b3")
                .contains("config: ../../config.json");
        assertThat(html.select("#err-maxModelLen").attr("hx-swap-oob")).isEqualTo("true");
        assertThat(html.select("#err-maxModelLen").text()).isEmpty();
    }

    @Test
    void aConfigThatDoesNotFitIsAFindingNotAnError() throws Exception {
        Map<String, String> form = good();
        form.put("tensor", "3"); // 32 attention heads, 8 KV heads: 3 divides neither
        Document html = Jsoup.parse(mvc.perform(with(get("/builder/preview"), form)).andReturn().getResponse()
                .getContentAsString());
        assertThat(html.select("#verdict").text()).isEqualTo("FAIL");
        assertThat(html.select("#findings tr.sev-error").text()).containsIgnoringCase("tensor");
        assertThat(html.select("#no-estimate")).isNotEmpty();

        form = good();
        form.put("maxModelLen", "1000000"); // in range for the form, far beyond what one 910B3 holds
        MockHttpServletResponse response = mvc.perform(with(get("/builder/preview"), form)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(Jsoup.parse(response.getContentAsString()).select("#findings tr.sev-error")).isNotEmpty();
    }

    @Test
    void badFieldsAre400WithAMessagePerFieldAndNothingCreated() throws Exception {
        Map<String, String> form = good();
        form.put("maxModelLen", "0");
        form.put("tensor", "three");
        form.put("chip", "ascend-910b9");
        form.put("utilization", "2");
        MockHttpServletResponse response = mvc.perform(with(get("/builder/preview"), form)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(400);
        Document html = Jsoup.parse(response.getContentAsString());
        assertThat(html.select("#err-maxModelLen").text()).contains("whole number from 16");
        assertThat(html.select("#err-tensor").text()).contains("Tensor parallelism");
        assertThat(html.select("#err-chip").text()).contains("No chip 'ascend-910b9'").contains("ascend-910b3");
        assertThat(html.select("#err-utilization").text()).contains("0.10 and 0.99");
        assertThat(html.select("#err-model").text()).isEmpty();

        form = good();
        form.put("maxModelLen", "999999999999");
        assertThat(mvc.perform(with(get("/builder/preview"), form)).andReturn().getResponse().getStatus()).isEqualTo(400);

        Account author = accounts.create("builder-bad");
        Repo llama = repos.find(RepoKind.MODEL, "meta-llama", "Llama-3.1-8B-Instruct", null).orElseThrow();
        long before = pulls.count(llama, PullState.OPEN);
        form = good();
        form.put("maxModelLen", "0");
        form.put("name", "../escape");
        response = mvc.perform(with(post("/builder/propose"), form).with(csrf()).with(user(accounts.principal(author))))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
        html = Jsoup.parse(response.getContentAsString());
        assertThat(html.select("#err-maxModelLen").text()).contains("whole number");
        assertThat(html.select("#err-name").text()).contains("letters, digits");
        assertThat(html.select("#maxModelLen").attr("value")).as("what was typed is kept").isEqualTo("0");
        assertThat(html.select("#name").attr("value")).isEqualTo("../escape");
        assertThat(pulls.count(llama, PullState.OPEN)).isEqualTo(before);

        // Without the CSRF token, or signed out, nothing is created either.
        assertThat(mvc.perform(with(post("/builder/propose"), good()).with(user(accounts.principal(author))))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        response = mvc.perform(with(post("/builder/propose"), good()).with(csrf())).andReturn().getResponse();
        assertThat(response.getRedirectedUrl()).endsWith("/login");
        assertThat(pulls.count(llama, PullState.OPEN)).isEqualTo(before);
    }

    @Test
    void aPrivateModelIsUnknownToOthersAndReadableByItsOwner() throws Exception {
        Account owner = accounts.create("builder-owner");
        Account stranger = accounts.create("builder-stranger");
        Repo secret = repos.create(owner, new NewRepo(RepoKind.MODEL, null, "secret-model", true));
        writes.commit(secret, owner, "main", null, "config", List.of(FileChange.put("config.json",
                """
                {"architectures": ["LlamaForCausalLM"], "model_type": "llama", "hidden_size": 2048,
                 "intermediate_size": 8192, "num_hidden_layers": 16, "num_attention_heads": 32,
                 "num_key_value_heads": 8, "vocab_size": 128256, "max_position_embeddings": 131072,
                 "torch_dtype": "bfloat16", "tie_word_embeddings": true}
                """.getBytes())));
        Map<String, String> form = good();
        form.put("model", secret.fullName());
        MockHttpServletResponse response = mvc.perform(with(get("/builder/preview"), form)
                .with(user(accounts.principal(stranger)))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(Jsoup.parse(response.getContentAsString()).select("#err-model").text())
                .contains("No model repository");
        response = mvc.perform(with(get("/builder/preview"), form).with(user(accounts.principal(owner))))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(Jsoup.parse(response.getContentAsString()).select("#memory-chart")).isNotEmpty();
    }

    @Test
    void thePageLoadsHtmxFromItsWebjarUnderTheCsp() throws Exception {
        MockHttpServletResponse page = mvc.perform(get("/builder").param("chip", "ascend-910b3").param("model", LLAMA))
                .andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        Document html = Jsoup.parse(page.getContentAsString());
        String src = html.select("script[src*=htmx]").attr("src");
        assertThat(html.select("#builder-form").attr("hx-get")).isEqualTo("/builder/preview");
        assertThat(html.select("#memory-chart")).isNotEmpty();
        MockHttpServletResponse js = mvc.perform(get(src)).andReturn().getResponse();
        assertThat(js.getStatus()).as(src).isEqualTo(200);
        assertThat(js.getContentAsString()).contains("htmx");
    }
}
