package dev.adapthub.web.hf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.core.token.TokenScope;
import dev.adapthub.git.lfs.LfsStores;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.TestAccounts;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pull requests through the Hugging Face API: {@code create_pr=1} on a commit, commits onto
 * {@code refs/pr/{n}}, {@code include_prs}, and the discussions endpoints a client calls for them.
 */
@HubWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HfPullRequestApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired RepoService repos;
    @Autowired RepoWrites writes;
    @Autowired RepoFiles files;
    @Autowired LfsStores lfs;

    HfFixture f;
    String token;

    @BeforeAll
    void createRepository() throws Exception {
        f = new HfFixture(accounts.create("hfpr"), "hf-pr", repos, writes, files, lfs);
        token = accounts.token(f.owner, TokenScope.WRITE);
    }

    private MockHttpServletResponse commit(String revision, String summary, String path) throws Exception {
        String body = JSON.writeValueAsString(Map.of("key", "header", "value", Map.of("summary", summary))) + "\n"
                + JSON.writeValueAsString(Map.of("key", "file", "value", Map.of("path", path, "content", summary)));
        return mvc.perform(post(URI.create(f.api() + "/commit/" + revision)).header("Authorization", "Bearer " + token)
                .contentType("application/x-ndjson").content(body)).andReturn().getResponse();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(MockHttpServletResponse response) throws Exception {
        return JSON.readValue(response.getContentAsString(), Map.class);
    }

    @Test
    void createPrOpensAPullRequestInsteadOfMovingTheBranchAndRefsPrTakesMoreCommits() throws Exception {
        String tip = f.tip();
        MockHttpServletResponse opened = commit("main?create_pr=1", "Propose a tokenizer", "tokenizer.json");

        assertThat(opened.getStatus()).as(opened.getContentAsString()).isEqualTo(200);
        Map<String, Object> answer = object(opened);
        String url = (String) answer.get("pullRequestUrl");
        assertThat(url).matches("http://localhost(:\\d+)?/" + f.repo.urlPath() + "/discussions/\\d+");
        String number = url.substring(url.lastIndexOf('/') + 1);
        assertThat(f.tip()).isEqualTo(tip);

        MockHttpServletResponse more = commit("refs%2Fpr%2F" + number, "And a config", "extra.json");
        assertThat(more.getStatus()).as(more.getContentAsString()).isEqualTo(200);
        assertThat(object(more).get("pullRequestUrl")).isEqualTo(url);
        assertThat(object(more).get("commitOid")).isNotEqualTo(answer.get("commitOid"));
        assertThat(f.tip()).isEqualTo(tip);

        Map<String, Object> refs = object(mvc.perform(get(f.api() + "/refs?include_prs=1")).andReturn().getResponse());
        @SuppressWarnings("unchecked")
        List<Object> pullRequests = (List<Object>) refs.get("pullRequests");
        assertThat(pullRequests).contains(Map.of("name", "refs/pr/" + number,
                "ref", "refs/pr/" + number, "targetCommit", object(more).get("commitOid")));
        // The merge gate holds here as everywhere: no approval yet, so the merge is refused with the reason.
        MockHttpServletResponse merge = mvc.perform(post(f.api() + "/discussions/" + number + "/merge")
                .header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andReturn().getResponse();
        assertThat(merge.getStatus()).isEqualTo(409);
        assertThat(merge.getHeader("X-Error-Message")).startsWith("Cannot merge");
        assertThat(f.tip()).isEqualTo(tip);
        MockHttpServletResponse page = mvc.perform(get("/" + f.repo.urlPath() + "/discussions/" + number))
                .andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(302);
        assertThat(page.getRedirectedUrl()).isEqualTo("/" + f.repo.urlPath() + "/pulls/" + number);
    }

    @Test
    void theDiscussionsEndpointsOpenCommentCloseAndDescribeAPullRequest() throws Exception {
        MockHttpServletResponse created = mvc.perform(post(f.api() + "/discussions")
                .header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": \"Quantize to w8a8\", \"description\": \"Why: memory\", \"pullRequest\": true}"))
                .andReturn().getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(200);
        Object number = object(created).get("num");

        MockHttpServletResponse comment = mvc.perform(post(f.api() + "/discussions/" + number + "/comment")
                .header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"comment\": \"Looks right\"}")).andReturn().getResponse();
        MockHttpServletResponse closed = mvc.perform(post(f.api() + "/discussions/" + number + "/status")
                .header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\": \"closed\"}")).andReturn().getResponse();
        Map<String, Object> details = object(mvc.perform(get(f.api() + "/discussions/" + number))
                .andReturn().getResponse());
        MockHttpServletResponse notPr = mvc.perform(post(f.api() + "/discussions")
                .header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": \"A question\", \"pullRequest\": false}")).andReturn().getResponse();

        assertThat(comment.getStatus()).isEqualTo(200);
        assertThat(object(comment)).containsKey("newMessage");
        assertThat(closed.getStatus()).isEqualTo(200);
        assertThat(object(closed)).containsKey("newStatus");
        assertThat(details).containsEntry("num", number).containsEntry("title", "Quantize to w8a8")
                .containsEntry("status", "closed").containsEntry("isPullRequest", true)
                .containsKeys("createdAt", "author", "repo", "events", "changes");
        assertThat(details.get("changes")).isEqualTo(Map.of("base", "refs/heads/main"));
        assertThat(details.get("events").toString()).contains("Looks right", "status-change");
        assertThat(notPr.getStatus()).isEqualTo(400);
    }
}
