package dev.adapthub.web.pull;

import static dev.adapthub.web.pull.PullFixture.api;
import static dev.adapthub.web.pull.PullFixture.call;
import static dev.adapthub.web.pull.PullTestSupport.awaitChecks;
import static dev.adapthub.web.pull.PullTestSupport.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.adapthub.core.pull.protection.BranchProtections;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.web.pull.PullFixture.Answer;
import dev.adapthub.web.pull.PullFixture.Team;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.TestAccounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The pull request pages: list filters, tabs, the status box, protection settings, numbering. */
@HubWebTest
class PullRequestPagesTest {

    @LocalServerPort int port;
    @Autowired PullFixture fixture;
    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired BranchProtections protections;

    Team team;
    Repo repo;
    String base;

    @BeforeEach
    void setUp() {
        team = fixture.team();
        repo = team.repo();
        base = "/" + repo.urlPath();
    }

    private String page(String path) throws Exception {
        MvcResult result = mvc.perform(get(path)).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    private int status(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse().getStatus();
    }

    @Test
    void theListFiltersByStateAuthorAndLabel() throws Exception {
        Answer labelled = call(port, "POST", api(repo), team.contributorToken(), Map.of("title", "Labelled one",
                "labels", List.of("ascend"), "files", List.of(Map.of("path", "A.md", "content", "a"))));
        assertThat(labelled.status()).isEqualTo(201);
        long other = open(port, repo, team.strangerToken(), "By the stranger", Map.of("B.md", "b"));
        call(port, "POST", api(repo) + "/" + other + "/close", team.strangerToken(), null);

        assertThat(page(base + "/pulls")).contains("Labelled one").doesNotContain("By the stranger")
                .contains("1 open").contains("1 closed");
        assertThat(page(base + "/pulls?state=closed")).contains("By the stranger").doesNotContain("Labelled one");
        assertThat(page(base + "/pulls?state=all&author=" + team.stranger().name())).contains("By the stranger")
                .doesNotContain("Labelled one");
        assertThat(page(base + "/pulls?state=all&label=ascend")).contains("Labelled one")
                .doesNotContain("By the stranger");
        assertThat(page(base)).contains("id=\"tab-pulls\"");
        assertThat(status(base + "/pulls?state=bogus")).isEqualTo(422);
    }

    @Test
    void everyTabRendersAndTheFilesTabShowsTheConfigFieldByField() throws Exception {
        String changed = PullFixture.resource("adaptations/ascend-910b3-vllm-ascend.yaml")
                .replace("maxNumSeqs: 128", "maxNumSeqs: 64");
        long n = open(port, repo, team.contributorToken(), "Fewer sequences",
                Map.of("adaptations/ascend-910b3-vllm-ascend.yaml", changed));
        awaitChecks(port, repo, n);
        String pr = base + "/pulls/" + n;

        assertThat(page(pr)).contains("Fewer sequences").contains("id=\"gate-approvals\"");
        assertThat(page(pr + "?tab=commits")).contains("Fewer sequences");
        assertThat(page(pr + "?tab=files")).contains("limits.maxNumSeqs").contains("128").contains("64")
                .contains("class=\"diff\"");
        assertThat(page(pr + "?tab=checks")).contains("validate adaptations/ascend-910b3-vllm-ascend.yaml");
        String box = page(pr + "/status");
        assertThat(box).startsWith("<section id=\"pr-status\"").doesNotContain("data-poll").contains("success");
        assertThat(status(pr + "?tab=nope")).isEqualTo(422);
        assertThat(status(base + "/pulls/999")).isEqualTo(404);
        assertThat(status(base + "/pulls/0")).isEqualTo(422);
        assertThat(status(base + "/pulls/abc")).isEqualTo(422);
    }

    @Test
    void aWriterOpensAPullRequestFromABranchWithTheForm() throws Exception {
        String pushed = "Pushed branch";
        fixture.commitOnBranch(team, "orphan", "NOTES.md", "no common history\n");
        MvcResult orphan = mvc.perform(post(base + "/pulls").param("source", "orphan").param("target", "main")
                .param("title", "Orphan").with(user(accounts.principal(team.member()))).with(csrf())).andReturn();
        assertThat(orphan.getResponse().getStatus()).isEqualTo(422);
        assertThat(orphan.getResponse().getContentAsString()).contains("shares no history with");
        fixture.branchOffMain(team, "tuning");
        fixture.commitOnBranch(team, "tuning", "NOTES.md", "tuning notes\n");
        MvcResult form = mvc.perform(get(base + "/pulls/new?source=tuning")
                .with(user(accounts.principal(team.member())))).andReturn();
        int asStranger = mvc.perform(get(base + "/pulls/new").with(user(accounts.principal(team.stranger()))))
                .andReturn().getResponse().getStatus();
        MvcResult created = mvc.perform(post(base + "/pulls").param("source", "tuning").param("target", "main")
                .param("title", pushed).param("labels", "docs, ascend")
                .with(user(accounts.principal(team.member()))).with(csrf())).andReturn();
        MvcResult again = mvc.perform(post(base + "/pulls").param("source", "tuning").param("target", "main")
                .param("title", pushed).with(user(accounts.principal(team.member()))).with(csrf())).andReturn();

        assertThat(form.getResponse().getStatus()).isEqualTo(200);
        assertThat(form.getResponse().getContentAsString()).contains("value=\"tuning\" selected");
        assertThat(asStranger).isEqualTo(403);
        assertThat(created.getResponse().getStatus()).isEqualTo(302);
        assertThat(created.getResponse().getRedirectedUrl()).matches(".*/pulls/[0-9]+");
        assertThat(page(created.getResponse().getRedirectedUrl())).contains(pushed).contains("docs").contains("ascend");
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat(again.getResponse().getContentAsString()).contains("already proposes");
    }

    @Test
    void maintainersRerunChecksAndAuthorsCloseAndReopen() throws Exception {
        long n = open(port, repo, team.contributorToken(), "H100", Map.of("adaptations/nvidia-h100-sxm-vllm.yaml",
                PullTestSupport.PASSING));
        awaitChecks(port, repo, n);
        String pr = base + "/pulls/" + n;

        int byMember = mvc.perform(post(pr + "/rerun").with(user(accounts.principal(team.member()))).with(csrf()))
                .andReturn().getResponse().getStatus();
        int byMaintainer = mvc.perform(post(pr + "/rerun").with(user(accounts.principal(team.maintainer())))
                .with(csrf())).andReturn().getResponse().getStatus();
        assertThat(byMember).isEqualTo(403);
        assertThat(byMaintainer).isEqualTo(302);
        assertThat(awaitChecks(port, repo, n)).isEqualTo("success");
        assertThat(page(pr + "?tab=checks")).containsPattern("(?s)(validate adaptations/nvidia-h100-sxm-vllm.yaml.*){2}");

        int close = mvc.perform(post(pr + "/close").with(user(accounts.principal(team.contributor()))).with(csrf()))
                .andReturn().getResponse().getStatus();
        MvcResult closedAgain = mvc.perform(post(pr + "/close").with(user(accounts.principal(team.contributor())))
                .with(csrf())).andReturn();
        int reopen = mvc.perform(post(pr + "/reopen").with(user(accounts.principal(team.contributor()))).with(csrf()))
                .andReturn().getResponse().getStatus();
        assertThat(close).isEqualTo(302);
        assertThat(closedAgain.getResponse().getStatus()).isEqualTo(409);
        assertThat(closedAgain.getResponse().getContentAsString()).contains("already closed");
        assertThat(reopen).isEqualTo(302);
        assertThat(PullTestSupport.details(port, repo, null, n).get("events").findValuesAsText("kind"))
                .containsSubsequence("opened", "closed", "reopened");
    }

    @Test
    void onlyMaintainersChangeProtectionAndBadRulesAreRefused() throws Exception {
        String settings = base + "/settings/pulls";
        int asMember = mvc.perform(get(settings).with(user(accounts.principal(team.member())))).andReturn()
                .getResponse().getStatus();
        int saveAsMember = mvc.perform(post(settings + "/rules").param("pattern", "main")
                .param("requiredApprovals", "0").param("mergePermission", "WRITE").param("pushPermission", "WRITE")
                .with(user(accounts.principal(team.member()))).with(csrf())).andReturn().getResponse().getStatus();
        MvcResult bad = mvc.perform(post(settings + "/rules").param("pattern", "../x").param("requiredApprovals", "1")
                .param("mergePermission", "MAINTAIN").param("pushPermission", "MAINTAIN")
                .with(user(accounts.principal(team.maintainer()))).with(csrf())).andReturn();
        MvcResult good = mvc.perform(post(settings + "/rules").param("pattern", "release/*")
                .param("requiredApprovals", "2").param("requireChecks", "true").param("mergePermission", "ADMIN")
                .param("pushPermission", "ADMIN").with(user(accounts.principal(team.maintainer()))).with(csrf()))
                .andReturn();
        MvcResult options = mvc.perform(post(settings + "/options").param("methods", "SQUASH")
                .param("extraChips", "ascend-910b4, nvidia-h100-sxm")
                .with(user(accounts.principal(team.maintainer()))).with(csrf())).andReturn();

        assertThat(asMember).isEqualTo(403);
        assertThat(saveAsMember).isEqualTo(403);
        assertThat(bad.getResponse().getStatus()).isEqualTo(422);
        assertThat(bad.getResponse().getContentAsString()).contains("branch pattern");
        assertThat(good.getResponse().getStatus()).isEqualTo(302);
        assertThat(options.getResponse().getStatus()).isEqualTo(302);
        assertThat(protections.rules(repo)).extracting(r -> r.pattern()).containsExactly("main", "release/*");
        assertThat(protections.ruleFor(repo, "release/2").orElseThrow().requiredApprovals()).isEqualTo(2);
        assertThat(protections.options(repo).extraChips()).containsExactly("ascend-910b4", "nvidia-h100-sxm");
        String page = mvc.perform(get(settings).with(user(accounts.principal(team.maintainer())))).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("release/*").contains("ascend-910b4, nvidia-h100-sxm");
    }

    @Test
    void extraChipsAddAChecksPerChipAndConcurrentOpensGetDistinctNumbers() throws Exception {
        protections.saveOptions(team.owner(), repo, new dev.adapthub.core.pull.protection.PullOptions(
                List.of(dev.adapthub.git.merge.MergeMethod.values()), List.of("nvidia-a100-80g-sxm")));
        long n = open(port, repo, team.contributorToken(), "H100", Map.of("adaptations/nvidia-h100-sxm-vllm.yaml",
                PullTestSupport.PASSING));
        awaitChecks(port, repo, n);
        assertThat(PullTestSupport.details(port, repo, null, n).get("checks").get("runs").findValuesAsText("chip"))
                .containsExactlyInAnyOrder("nvidia-h100-sxm", "nvidia-a100-80g-sxm");

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Long>> numbers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int k = i;
            numbers.add(pool.submit(() -> open(port, repo, team.contributorToken(), "n" + k, Map.of("N" + k + ".md", "x"))));
        }
        List<Long> got = new ArrayList<>();
        for (Future<Long> f : numbers) {
            got.add(f.get());
        }
        pool.shutdown();
        assertThat(got).doesNotHaveDuplicates().allMatch(x -> x > n && x <= n + 8);
    }
}
