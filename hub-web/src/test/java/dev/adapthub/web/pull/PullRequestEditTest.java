package dev.adapthub.web.pull;

import static dev.adapthub.web.pull.PullTestSupport.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.pull.EventKind;
import dev.adapthub.core.pull.PullEvent;
import dev.adapthub.core.pull.PullRequest;
import dev.adapthub.core.pull.PullRequestService;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.git.lfs.LfsOid;
import dev.adapthub.git.lfs.LfsPointerFile;
import dev.adapthub.git.lfs.LfsStores;
import dev.adapthub.web.pull.PullFixture.Team;
import dev.adapthub.web.support.FormSession;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.TestAccounts;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * Editing a pull request after it was opened, requesting reviewers, line comments, the Markdown
 * preview and browser uploads through Git LFS; every refusal is a 4xx that says what to fix and
 * leaves the pull request as it was.
 */
@HubWebTest
class PullRequestEditTest {

    @LocalServerPort int port;
    @Autowired PullFixture fixture;
    @Autowired TestAccounts accounts;
    @Autowired MockMvc mvc;
    @Autowired PullRequestService pulls;
    @Autowired RepoFiles files;
    @Autowired RepoService repos;
    @Autowired LfsStores lfs;
    @Autowired MeterRegistry meters;

    Team team;
    Repo repo;
    long number;
    String base;

    @BeforeEach
    void setUp() {
        team = fixture.team();
        repo = team.repo();
        number = open(port, repo, team.contributorToken(), "Tune the 910B3 config",
                Map.of("adaptations/notes.md", "line one\nline two\nline three\n"));
        base = "/" + repo.urlPath() + "/pulls/" + number;
    }

    private MvcResult as(Account account, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(user(accounts.principal(account))).with(csrf())).andReturn();
    }

    private PullRequest pr() {
        return pulls.get(repo, number);
    }

    private List<EventKind> kinds() {
        return pulls.timeline(pr()).stream().map(PullEvent::kind).toList();
    }

    @Test
    void theAuthorAndAMaintainerEditOthersGet403AndBadTitlesOrLabelsAreRefusedKeepingWhatWasTyped() throws Exception {
        MvcResult byAuthor = as(team.contributor(), post(base + "/edit").param("title", "Tensor parallel 2 on 910B3")
                .param("description", "Now **two** devices.").param("labels", "npu, needs-review"));
        MvcResult byMaintainer = as(team.maintainer(), post(base + "/edit").param("title", "Tensor parallel 2 on 910B3")
                .param("description", "Now **two** devices.").param("labels", "npu, needs-review, ascend"));
        assertThat(byAuthor.getResponse().getStatus()).isEqualTo(302);
        assertThat(byMaintainer.getResponse().getStatus()).isEqualTo(302);
        assertThat(pr().title()).isEqualTo("Tensor parallel 2 on 910B3");
        assertThat(pr().labels()).containsExactly("npu", "needs-review", "ascend");
        assertThat(kinds().stream().filter(k -> k == EventKind.EDITED)).hasSize(2);

        MvcResult byMember = as(team.member(), post(base + "/edit").param("title", "Hijacked").param("labels", ""));
        MvcResult byStranger = as(team.stranger(), post(base + "/edit").param("title", "Hijacked"));
        MvcResult emptyTitle = as(team.contributor(), post(base + "/edit").param("title", " ")
                .param("description", "typed text kept").param("labels", "npu"));
        MvcResult hugeTitle = as(team.contributor(), post(base + "/edit").param("title", "t".repeat(201)));
        MvcResult badLabel = as(team.contributor(), post(base + "/edit").param("title", "Fine title")
                .param("labels", "npu, <script>"));
        MvcResult tooManyLabels = as(team.contributor(), post(base + "/edit").param("title", "Fine title")
                .param("labels", "a,b,c,d,e,f,g,h,i,j,k"));

        assertThat(byMember.getResponse().getStatus()).isEqualTo(403);
        assertThat(byMember.getResponse().getContentAsString()).contains("Only the author of pull request #" + number
                + " or a maintainer");
        assertThat(byStranger.getResponse().getStatus()).isEqualTo(403);
        assertThat(emptyTitle.getResponse().getStatus()).isEqualTo(422);
        assertThat(emptyTitle.getResponse().getContentAsString()).contains("id=\"edit-error\"")
                .contains("typed text kept").contains("<details class=\"pr-edit\" id=\"pr-edit\" open");
        assertThat(hugeTitle.getResponse().getStatus()).isEqualTo(422);
        assertThat(hugeTitle.getResponse().getContentAsString()).contains("t".repeat(201));
        assertThat(badLabel.getResponse().getStatus()).isEqualTo(422);
        assertThat(badLabel.getResponse().getContentAsString()).contains("A label is up to 40 letters")
                .doesNotContain("<script>");
        assertThat(tooManyLabels.getResponse().getStatus()).isEqualTo(422);
        assertThat(tooManyLabels.getResponse().getContentAsString()).contains("At most 10 labels");
        assertThat(pr().title()).isEqualTo("Tensor parallel 2 on 910B3");
        assertThat(pr().labels()).containsExactly("npu", "needs-review", "ascend");
        assertThat(kinds().stream().filter(k -> k == EventKind.EDITED)).hasSize(2);

        String list = mvc.perform(get("/" + repo.urlPath() + "/pulls?label=ascend")).andReturn().getResponse()
                .getContentAsString();
        String none = mvc.perform(get("/" + repo.urlPath() + "/pulls?label=gpu")).andReturn().getResponse()
                .getContentAsString();
        assertThat(list).contains("Tensor parallel 2 on 910B3").contains(">ascend<");
        assertThat(none).doesNotContain("Tensor parallel 2 on 910B3");
    }

    @Test
    void theListShowsAnEditedTitleAtOnceThoughTheSameReaderSawItBefore() throws Exception {
        HttpClient member = FormSession.signIn(port, team.member().name(), "a long password");
        HttpRequest list = HttpRequest.newBuilder(FormSession.url(port, "/" + repo.urlPath() + "/pulls")).build();
        double kept = meters.counter("hub.pages.rendered", "answer", "kept").count();
        for (int i = 0; i < 2; i++) {
            assertThat(member.send(list, HttpResponse.BodyHandlers.ofString()).body()).contains("Tune the 910B3 config");
        }
        assertThat(meters.counter("hub.pages.rendered", "answer", "kept").count())
                .as("the second view is the page kept for its ETag").isEqualTo(kept + 1);
        String title = "Tensor parallel 2 on 910B3, pull request " + number;
        as(team.contributor(), post(base + "/edit").param("title", title).param("labels", ""));
        assertThat(member.send(list, HttpResponse.BodyHandlers.ofString()).body()).contains(title);
    }

    @Test
    void aReviewerWhoCanReadIsRequestedOnceAndUnknownUsersAreRefused() throws Exception {
        MvcResult unknown = as(team.contributor(), post(base + "/reviewers").param("reviewer", "nobody-here-42"));
        MvcResult author = as(team.maintainer(), post(base + "/reviewers").param("reviewer", team.contributor().name()));
        MvcResult byMember = as(team.member(), post(base + "/reviewers").param("reviewer", team.maintainer().name()));
        assertThat(unknown.getResponse().getStatus()).isEqualTo(422);
        assertThat(unknown.getResponse().getContentAsString()).contains("There is no user &#39;nobody-here-42&#39;")
                .contains("value=\"nobody-here-42\"");
        assertThat(author.getResponse().getStatus()).isEqualTo(422);
        assertThat(byMember.getResponse().getStatus()).isEqualTo(403);
        assertThat(kinds()).doesNotContain(EventKind.REVIEW_REQUESTED);

        MvcResult asked = as(team.contributor(), post(base + "/reviewers").param("reviewer", team.member().name()));
        MvcResult again = as(team.contributor(), post(base + "/reviewers").param("reviewer", team.member().name()));
        assertThat(asked.getResponse().getStatus()).isEqualTo(302);
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        String page = mvc.perform(get(base)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"reviewer-" + team.member().name() + "\"").contains("not reviewed yet");
        String chinese = mvc.perform(get(base).locale(Locale.SIMPLIFIED_CHINESE)).andReturn().getResponse()
                .getContentAsString();
        assertThat(chinese).contains("评审人").contains("尚未评审").contains("请 " + team.member().name() + " 评审");
        as(team.member(), post(base + "/review").param("verdict", "APPROVE"));
        page = mvc.perform(get(base)).andReturn().getResponse().getContentAsString();
        assertThat(page.substring(page.indexOf("id=\"reviewer-list\""))).contains("approved");
    }

    @Test
    void thePreviewRendersMarkdownWithoutScripts() throws Exception {
        MvcResult preview = as(team.stranger(), post("/" + repo.urlPath() + "/pulls/preview")
                .param("body", "**bold** <script>alert(1)</script><img src=x onerror=alert(2)> [x](javascript:alert(3))"));
        String html = preview.getResponse().getContentAsString();
        assertThat(preview.getResponse().getStatus()).isEqualTo(200);
        assertThat(html).contains("<strong>bold</strong>").doesNotContain("<script").doesNotContain("onerror")
                .doesNotContain("javascript:");
    }

    @Test
    void aLineCommentIsAnchoredToItsLineAndIsOutdatedOnceTheFileChanges() throws Exception {
        String head = pr().headCommit();
        MvcResult badLine = as(team.stranger(), post(base + "/line-comment").param("commit", head)
                .param("path", "adaptations/notes.md").param("line", "9").param("body", "typed"));
        MvcResult badPath = as(team.stranger(), post(base + "/line-comment").param("commit", head)
                .param("path", "nope.md").param("line", "1").param("body", "typed"));
        assertThat(badLine.getResponse().getStatus()).isEqualTo(422);
        assertThat(badLine.getResponse().getContentAsString()).contains("has lines 1 to 3");
        assertThat(badPath.getResponse().getStatus()).isEqualTo(422);
        assertThat(kinds()).doesNotContain(EventKind.LINE_COMMENT);

        MvcResult ok = as(team.stranger(), post(base + "/line-comment").param("commit", head)
                .param("path", "adaptations/notes.md").param("line", "2").param("body", "Why <b onclick=x()>two</b>?"));
        assertThat(ok.getResponse().getStatus()).isEqualTo(302);
        String filesTab = mvc.perform(get(base + "?tab=files")).andReturn().getResponse().getContentAsString();
        assertThat(filesTab).contains("adaptations/notes.md:2 @ " + head.substring(0, 7)).doesNotContain("onclick")
                .doesNotContain(">outdated<");

        pulls.commitToPullRequest(team.contributor(), repo, number, null, "Reword",
                List.of(PullFixture.put("adaptations/notes.md", "line one\nline 2\nline three\n")));
        filesTab = mvc.perform(get(base + "?tab=files")).andReturn().getResponse().getContentAsString();
        String conversation = mvc.perform(get(base)).andReturn().getResponse().getContentAsString();
        assertThat(filesTab).contains("adaptations/notes.md:2 @ " + head.substring(0, 7)).contains(">outdated<");
        assertThat(conversation).contains("adaptations/notes.md:2").contains(">outdated<");
    }

    @Test
    void binaryAndLargeUploadsGoThroughLfsWithTheirFolderPathsKept() throws Exception {
        byte[] binary = {1, 0, 2, 3, 0, 4};
        byte[] text = "apiVersion: adapthub/v1\n".getBytes(StandardCharsets.UTF_8);
        MvcResult proposed = as(team.contributor(), multipart("/" + repo.urlPath() + "/propose-upload")
                .file(new MockMultipartFile("files", "weights.bin", "application/octet-stream", binary))
                .file(new MockMultipartFile("files", "a.yaml", "text/yaml", text))
                .param("paths", "quant/weights.bin").param("paths", "quant/configs/a.yaml")
                .param("folder", "uploads").param("title", "Quantized weights"));
        assertThat(proposed.getResponse().getStatus()).as(proposed.getResponse().getContentAsString()).isEqualTo(302);
        String location = proposed.getResponse().getRedirectedUrl();
        long n = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        PullRequest pr = pulls.get(repo, n);
        var at = files.resolve(repo, pr.headCommit()).orElseThrow();
        String pointer = files.readText(repo, at, "uploads/quant/weights.bin", 2048).orElseThrow();
        LfsPointerFile parsed = LfsPointerFile.parse(pointer.getBytes(StandardCharsets.UTF_8)).orElseThrow();
        assertThat(parsed.size()).isEqualTo(binary.length);
        assertThat(lfs.forRepository(repos.storageOf(repo)).contains(new LfsOid(parsed.oid().hex()))).isTrue();
        assertThat(files.readText(repo, at, "uploads/quant/configs/a.yaml", 2048)).hasValue(new String(text,
                StandardCharsets.UTF_8));
        String filesTab = mvc.perform(get("/" + repo.urlPath() + "/pulls/" + n + "?tab=files")).andReturn()
                .getResponse().getContentAsString();
        assertThat(filesTab).contains("stored with Git LFS");
        MvcResult uploadPage = as(team.owner(), get("/" + repo.urlPath() + "/upload"));
        MvcResult proposePage = as(team.contributor(), get("/" + repo.urlPath() + "/propose-upload"));
        assertThat(uploadPage.getResponse().getContentAsString()).contains("id=\"upload-files-drop\"");
        assertThat(proposePage.getResponse().getContentAsString()).contains("id=\"propose-files-drop\"");
    }
}
