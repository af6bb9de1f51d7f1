package dev.adapthub.web.pull;

import static dev.adapthub.web.pull.PullFixture.api;
import static dev.adapthub.web.pull.PullFixture.call;
import static dev.adapthub.web.pull.PullTestSupport.awaitChecks;
import static dev.adapthub.web.pull.PullTestSupport.condition;
import static dev.adapthub.web.pull.PullTestSupport.details;
import static dev.adapthub.web.pull.PullTestSupport.merge;
import static dev.adapthub.web.pull.PullTestSupport.open;
import static dev.adapthub.web.pull.PullTestSupport.review;
import static dev.adapthub.web.pull.PullTestSupport.unmet;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.adapthub.core.account.Account;
import dev.adapthub.core.common.ConflictException;
import dev.adapthub.core.pull.protection.BranchProtections;
import dev.adapthub.core.pull.protection.ProtectionRule;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoPermission;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.git.store.RepositoryStore;
import dev.adapthub.web.pull.PullFixture.Answer;
import dev.adapthub.web.pull.PullFixture.Team;
import dev.adapthub.web.support.GitCli;
import dev.adapthub.web.support.HubWebTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The merge gate in its order, checks bound to the head, approvals going stale, the merge itself
 * (recorded, indexed) and 30 merges at once into one branch, on PostgreSQL with the job queue.
 */
@HubWebTest
class PullRequestMergeTest {

    @LocalServerPort int port;
    @Autowired PullFixture fixture;
    @Autowired BranchProtections protections;
    @Autowired RepoFiles files;
    @Autowired RepoService repos;
    @Autowired RepositoryStore store;
    @Autowired RepoWrites writes;

    Team team;
    Repo repo;

    @BeforeEach
    void setUp() {
        team = fixture.team();
        repo = team.repo();
    }

    private String mainTip() {
        return files.resolve(repo, "main").orElseThrow().commitId().name();
    }

    @Test
    void theGateAsksInOrderAndAMaintainerMergesWhenEverythingHolds() {
        long n = open(port, repo, team.contributorToken(), "H100 fp8",
                Map.of("adaptations/nvidia-h100-sxm-vllm.yaml", PullTestSupport.PASSING));
        assertThat(awaitChecks(port, repo, n)).isEqualTo("success");
        JsonNode run = details(port, repo, null, n).get("checks").get("runs").get(0);
        assertThat(run.get("verdict").asText()).isEqualTo("PASS");
        assertThat(run.get("chip").asText()).isEqualTo("nvidia-h100-sxm");
        assertThat(run.get("backendId").asText()).isNotBlank();
        assertThat(run.get("reportDigest").asText()).hasSize(64);

        JsonNode asMaintainer = details(port, repo, team.maintainerToken(), n);
        assertThat(unmet(asMaintainer)).containsExactly("approvals");
        assertThat(condition(asMaintainer, "approvals").get("reason").asText()).contains("0 of 1 required approvals");
        JsonNode asMember = details(port, repo, team.memberToken(), n);
        assertThat(unmet(asMember)).containsExactly("permission", "approvals");
        assertThat(asMember.get("gate").findValuesAsText("condition")).containsExactly("open", "permission", "draft",
                "mergeable", "checks", "approvals", "changes-requested");

        assertThat(review(port, repo, team.contributorToken(), n, "approve", null).status()).isEqualTo(422);
        assertThat(review(port, repo, team.maintainerToken(), n, "approve", null).status()).isEqualTo(201);
        String before = mainTip();
        Answer byMember = merge(port, repo, team.memberToken(), n, "merge_commit");
        assertThat(byMember.status()).isEqualTo(403);
        assertThat(byMember.body().get("error").asText()).contains("needs maintain permission");
        assertThat(mainTip()).isEqualTo(before);

        Answer merged = merge(port, repo, team.maintainerToken(), n, "merge_commit");
        assertThat(merged.status()).as(merged.raw()).isEqualTo(200);
        assertThat(merged.body().get("state").asText()).isEqualTo("merged");
        assertThat(merged.body().get("mergedBy").asText()).isEqualTo(team.maintainer().name());
        assertThat(merged.body().get("mergeCommit").asText()).isEqualTo(mainTip());
        assertThat(merged.body().get("mergedAt").asText()).isNotBlank();
        Awaitility.await().untilAsserted(() -> assertThat(repos.findById(repo.id()).orElseThrow().summary()
                .lastCommitId()).isEqualTo(mainTip()));
        assertThat(merge(port, repo, team.maintainerToken(), n, "merge_commit").status()).isEqualTo(409);
    }

    @Test
    void aFailingCheckBlocksTheMergeAndACheckOfAnOldHeadNeverDecidesANewOne() throws Exception {
        long n = open(port, repo, team.contributorToken(), "310P",
                Map.of("adaptations/ascend-310p-mindie.yaml", PullTestSupport.FAILING));
        assertThat(awaitChecks(port, repo, n)).isEqualTo("failure");
        review(port, repo, team.maintainerToken(), n, "approve", null);
        String before = mainTip();
        Answer refused = merge(port, repo, team.maintainerToken(), n, "merge_commit");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("error").asText()).contains("Checks did not pass");
        assertThat(refused.body().get("unmet").findValuesAsText("condition")).containsExactly("checks");
        assertThat(mainTip()).isEqualTo(before);

        String fixed = PullTestSupport.FAILING.replace("precision: {weights: bf16, activations: bf16, kvCache: bf16}",
                "precision: {weights: fp16, activations: fp16, kvCache: fp16}");
        pushToPr(n, "adaptations/ascend-310p-mindie.yaml", fixed);
        JsonNode moved = details(port, repo, null, n);
        assertThat(moved.get("checks").get("runs").findValuesAsText("head")).allMatch(h -> h.equals(
                moved.get("head").asText()));
        assertThat(awaitChecks(port, repo, n)).isEqualTo("success");
    }

    @Test
    void anApprovalGoesStaleWhenCommitsArriveAndTheRuleCanDismissIt() throws Exception {
        long n = open(port, repo, team.contributorToken(), "notes", Map.of("NOTES.md", "v1\n"));
        review(port, repo, team.maintainerToken(), n, "approve", "looks good");
        assertThat(unmet(details(port, repo, team.maintainerToken(), n))).isEmpty();

        pushToPr(n, "NOTES.md", "v2\n");
        JsonNode stale = details(port, repo, team.maintainerToken(), n);
        assertThat(unmet(stale)).containsExactly("approvals");
        assertThat(condition(stale, "approvals").get("reason").asText()).contains("0 of 1").contains("1 stale");
        assertThat(merge(port, repo, team.maintainerToken(), n, "squash").status()).isEqualTo(409);

        protections.save(team.owner(), repo, new ProtectionRule("main", 1, true, true, true, RepoPermission.MAINTAIN,
                RepoPermission.MAINTAIN));
        review(port, repo, team.maintainerToken(), n, "approve", null);
        assertThat(unmet(details(port, repo, team.maintainerToken(), n))).isEmpty();
        pushToPr(n, "NOTES.md", "v3\n");
        JsonNode dismissed = details(port, repo, null, n);
        assertThat(dismissed.get("events").findValuesAsText("kind")).contains("reviews_dismissed");
        assertThat(dismissed.get("events").findParents("verdict").stream()
                .allMatch(e -> e.get("dismissed").asBoolean())).isTrue();
    }

    @Test
    void aRequestForChangesBlocksUntilTheReviewerApproves() {
        long n = open(port, repo, team.contributorToken(), "notes", Map.of("NOTES.md", "v1\n"));
        review(port, repo, team.memberToken(), n, "approve", null);
        review(port, repo, team.maintainerToken(), n, "request_changes", "Say which H100 you measured on.");
        assertThat(unmet(details(port, repo, team.maintainerToken(), n))).containsExactly("changes-requested");
        review(port, repo, team.maintainerToken(), n, "approve", null);
        assertThat(unmet(details(port, repo, team.maintainerToken(), n))).isEmpty();
        assertThat(merge(port, repo, team.maintainerToken(), n, "squash").status()).isEqualTo(200);
    }

    @Test
    void reviewsOfReadersWhoCannotWriteNeitherSatisfyNorBlockTheGate() {
        long n = open(port, repo, team.contributorToken(), "notes", Map.of("NOTES.md", "v1\n"));

        assertThat(review(port, repo, team.strangerToken(), n, "approve", "lgtm").status()).isEqualTo(201);
        JsonNode afterSockPuppet = details(port, repo, team.maintainerToken(), n);
        assertThat(unmet(afterSockPuppet)).containsExactly("approvals");
        assertThat(condition(afterSockPuppet, "approvals").get("reason").asText()).contains("0 of 1 required");

        review(port, repo, team.strangerToken(), n, "request_changes", "no");
        review(port, repo, team.memberToken(), n, "approve", null);
        assertThat(unmet(details(port, repo, team.maintainerToken(), n))).isEmpty();
        assertThat(merge(port, repo, team.maintainerToken(), n, "squash").status()).isEqualTo(200);
    }

    /**
     * 30 merges of 30 pull requests into one branch at the same moment, through the API, while
     * direct commits keep moving the branch under them (as pushes or another hub process would):
     * ordinary contention, so none may be refused (at most one, should the 30 s deadline pass on
     * a starved machine), nothing may be lost, and every PR row must agree with the branch's history.
     */
    @Test
    void thirtyMergesAtOnceIntoOneMovingBranchAllLandAndLoseNothing() throws Exception {
        protections.save(team.owner(), repo, new ProtectionRule("main", 0, false, false, false,
                RepoPermission.MAINTAIN, RepoPermission.MAINTAIN));
        int count = 30;
        List<Long> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            numbers.add(open(port, repo, team.contributorToken(), "file " + i, Map.of("files/f" + i + ".txt", i + "\n")));
        }
        String before = mainTip();
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Answer>> answers = new ArrayList<>();
        for (long n : numbers) {
            answers.add(pool.submit(() -> {
                start.await();
                return merge(port, repo, team.maintainerToken(), n, n % 2 == 0 ? "merge_commit" : "squash");
            }));
        }
        int direct = 10;
        Future<?> writer = pool.submit(() -> {
            start.await();
            for (int k = 0; k < direct; k++) {
                Thread.sleep(20 + k * 10L);
                commitDirectly("direct/d" + k + ".txt");
            }
            return null;
        });
        long started = System.nanoTime();
        start.countDown();
        List<Long> merged = new ArrayList<>();
        List<Long> refused = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            Answer answer = answers.get(i).get();
            if (answer.status() == 200) {
                merged.add(numbers.get(i));
            } else {
                assertThat(answer.status()).as(answer.raw()).isEqualTo(409);
                assertThat(answer.body().get("error").asText()).contains("kept moving").contains("nothing was changed");
                refused.add(numbers.get(i));
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        writer.get();
        pool.shutdown();
        System.out.printf("%d concurrent merges: %d merged, %d refused, %d ms%n", count, merged.size(),
                refused.size(), millis);

        assertThat(refused).as("merges refused for contention").hasSizeLessThanOrEqualTo(1);
        var tree = files.list(repo, files.resolve(repo, "main").orElseThrow(), "files", false).entries();
        assertThat(tree).hasSize(merged.size());
        assertThat(files.list(repo, files.resolve(repo, "main").orElseThrow(), "direct", false).entries())
                .hasSize(direct);
        List<String> landed = firstParentsSince(before);
        assertThat(landed).hasSize(merged.size() + direct);
        for (long n : merged) {
            JsonNode pr = details(port, repo, null, n);
            assertThat(pr.get("state").asText()).isEqualTo("merged");
            assertThat(landed).contains(pr.get("mergeCommit").asText());
            int i = numbers.indexOf(n);
            assertThat(tree).anyMatch(e -> e.path().equals("files/f" + i + ".txt"));
        }
        for (long n : refused) {
            assertThat(details(port, repo, null, n).get("state").asText()).isEqualTo("open");
        }
    }

    /** A commit straight onto main's tip, as the owner; re-done when a merge moved main first. */
    private void commitDirectly(String path) {
        while (true) {
            try {
                writes.commit(repo, team.owner(), "main", null, "Add " + path, List.of(PullFixture.put(path, path)));
                return;
            } catch (ConflictException moved) {
                Thread.onSpinWait();
            }
        }
    }

    /** The commits main's first-parent chain gained since {@code before}, newest first. */
    private List<String> firstParentsSince(String before) throws Exception {
        try (RevWalk walk = new RevWalk(store.open(repos.storageOf(repo)))) {
            List<String> chain = new ArrayList<>();
            RevCommit commit = walk.parseCommit(ObjectId.fromString(mainTip()));
            while (!commit.name().equals(before)) {
                chain.add(commit.name());
                commit = walk.parseCommit(commit.getParent(0));
            }
            return chain;
        }
    }

    private void pushToPr(long n, String path, String content) throws Exception {
        GitCli git = new GitCli();
        Path work = Files.createTempDirectory("adapthub-pr-push");
        Account c = team.contributor();
        String url = "http://" + c.name() + ":" + team.contributorToken() + "@localhost:" + port + "/"
                + repo.urlPath() + ".git";
        git.ok(work, "clone", "-q", url, "c");
        Path clone = work.resolve("c");
        git.ok(clone, "fetch", "-q", "origin", "refs/pr/" + n);
        git.ok(clone, "checkout", "-q", "FETCH_HEAD");
        Path file = clone.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        git.ok(clone, "add", path);
        git.ok(clone, "commit", "-q", "-m", "Update " + path);
        git.ok(clone, "push", "-q", "origin", "HEAD:refs/pr/" + n);
    }
}
