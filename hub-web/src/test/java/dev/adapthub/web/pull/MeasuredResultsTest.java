package dev.adapthub.web.pull;

import static dev.adapthub.web.pull.PullFixture.put;
import static dev.adapthub.web.pull.PullFixture.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.adapthub.chips.results.Comparison;
import dev.adapthub.chips.results.ResultCodes;
import dev.adapthub.chips.results.ResultFinding;
import dev.adapthub.core.account.Account;
import dev.adapthub.core.adaptation.AdaptationMatrix;
import dev.adapthub.core.adaptation.MatrixEntry;
import dev.adapthub.core.measured.MeasuredResults;
import dev.adapthub.core.measured.RunView;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.git.write.FileChange;
import dev.adapthub.web.pull.PullFixture.Team;
import dev.adapthub.web.support.HubPage;
import dev.adapthub.web.support.HubWebTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Measured results on PostgreSQL: runs on a default branch reach the report page, the matrix
 * (with the measured mark, ranked by the measurement) and the chip page's error; bad files get
 * findings and stay out; a pull request that only attaches a run gets a check that reports it,
 * and fails on a run that does not match its config.
 */
@HubWebTest
class MeasuredResultsTest {

    static final String CONFIG = "adaptations/nvidia-rtx-4090-vllm.yaml";
    static final String FOLDER = "adaptations/nvidia-rtx-4090-vllm.results";
    static final String RUN = sample();

    @LocalServerPort int port;
    @Autowired PullFixture fixture;
    @Autowired RepoWrites writes;
    @Autowired RepoFiles files;
    @Autowired RepoService repos;
    @Autowired MeasuredResults measured;
    @Autowired AdaptationMatrix matrix;

    static String sample() {
        try (InputStream in = MeasuredResultsTest.class.getResourceAsStream("/measured/vllm-bench-llama-3.1-8b-rtx4090.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void commitOnMain(Repo repo, Account owner, List<FileChange> changes) {
        writes.commit(repo, owner, "main", files.resolve(repo, "main").orElseThrow().commitId(), "Measured runs", changes);
    }

    private List<RunView> awaitRuns(Repo repo, int count) {
        List<RunView> runs = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            runs.clear();
            runs.addAll(measured.forConfig(repo, CONFIG));
            return runs.size() == count;
        });
        return runs;
    }

    private static RunView run(List<RunView> runs, String name) {
        return runs.stream().filter(r -> r.fileName().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> codes(RunView run) {
        return run.findings().stream().filter(ResultFinding::isError).map(ResultFinding::code).toList();
    }

    @Test
    void runsOnTheDefaultBranchReachReportMatrixAndChipPageBadOnesStayOut() {
        Team team = fixture.team();
        Repo repo = team.repo();
        List<FileChange> changes = List.of(
                put(CONFIG, resource(CONFIG)),
                put(FOLDER + "/c8.json", RUN),
                put(FOLDER + "/other-model.json", RUN.replace("meta-llama/Llama-3.1-8B-Instruct", "Qwen/Qwen2.5-7B-Instruct")),
                put(FOLDER + "/too-fast.json", RUN.replace("\"mean_tpot_ms\": 12.21", "\"mean_tpot_ms\": 0.01")),
                put(FOLDER + "/negative.json", RUN.replace("\"mean_ttft_ms\": 182.4", "\"mean_ttft_ms\": -182.4")),
                put(FOLDER + "/truncated.json", RUN.substring(0, 200)),
                put(FOLDER + "/huge.json", "{\"output_throughput\": 1, \"pad\": \"" + "x".repeat(600 * 1024) + "\"}"),
                put(FOLDER + "/bomb.json", "[".repeat(50_000)));
        commitOnMain(repo, team.owner(), changes);
        List<RunView> runs = awaitRuns(repo, 7);

        RunView good = run(runs, "c8.json");
        assertThat(good.accepted()).isTrue();
        assertThat(good.format()).isEqualTo("vllm bench serve");
        assertThat(good.chip()).isEqualTo("nvidia-rtx-4090");
        Comparison.Row throughput = good.row(Comparison.Metric.OUTPUT_TOKENS_PER_SECOND);
        assertThat(throughput.measured()).isEqualTo(618.7311178247734);
        assertThat(throughput.predicted()).isPositive();
        assertThat(throughput.error()).isEqualTo((throughput.predicted() - throughput.measured()) / throughput.measured());
        assertThat(good.row(Comparison.Metric.TTFT_MS).predicted()).isPositive();
        assertThat(good.row(Comparison.Metric.TPOT_MS).measured()).isEqualTo(12.21);

        assertThat(codes(run(runs, "other-model.json"))).containsExactly(ResultCodes.MODEL_MISMATCH);
        assertThat(codes(run(runs, "too-fast.json"))).containsExactly(ResultCodes.ABOVE_PHYSICAL_LIMIT);
        assertThat(codes(run(runs, "negative.json"))).containsExactly(ResultCodes.BAD_VALUE);
        assertThat(codes(run(runs, "truncated.json"))).containsExactly(ResultCodes.NOT_JSON);
        assertThat(codes(run(runs, "huge.json"))).containsExactly(ResultCodes.TOO_LARGE);
        assertThat(codes(run(runs, "bomb.json"))).containsExactly(ResultCodes.NOT_JSON);
        assertThat(runs).filteredOn(r -> !r.fileName().equals("c8.json"))
                .allSatisfy(r -> assertThat(r.accepted()).isFalse())
                .allSatisfy(r -> assertThat(r.findings()).allSatisfy(f -> assertThat(f.hint()).isNotBlank()));

        // The matrix shows and ranks by the one accepted run, marked as measured.
        MatrixEntry cell = matrix.entries().stream().filter(e -> e.repo().equals(repo.fullName())
                && e.path().equals(CONFIG)).findFirst().orElseThrow();
        assertThat(cell.measured()).isTrue();
        assertThat(cell.measuredRuns()).isEqualTo(1);
        assertThat(cell.shownTokensPerSecond()).isEqualTo(618.7311178247734);
        assertThat(cell.outputTokensPerSecond()).isNotEqualTo(cell.shownTokensPerSecond());
        JsonNode api = PullFixture.call(port, "GET", "/api/matrix", null, null).body();
        JsonNode apiCell = api.get("models").findParents("model").stream()
                .filter(m -> m.get("model").asText().equals(repo.fullName())).findFirst().orElseThrow()
                .get("cells").get("nvidia-rtx-4090");
        assertThat(apiCell.get("measuredOutputTokensPerSecond").asDouble()).isEqualTo(618.7311178247734);
        assertThat(apiCell.get("measuredRuns").asInt()).isEqualTo(1);

        // The report page: measured beside predicted, and why the others do not count.
        String report = HubPage.get(port, "/" + repo.urlPath() + "/adaptations/nvidia-rtx-4090/nvidia-rtx-4090-vllm.yaml/report")
                .body();
        assertThat(report).contains("id=\"measured\"").contains("c8.json").contains(">619<").contains(">12.2<")
                .contains(ResultCodes.MODEL_MISMATCH).contains(ResultCodes.ABOVE_PHYSICAL_LIMIT)
                // The calibration set's error on the chip's family (docs/calibration.md) beside the estimate.
                .contains("id=\"expected-error\"").contains("on GPGPU chips, from")
                .contains("decode time per token median");

        // The chip page: the estimate's error from every accepted run of a public model.
        List<MeasuredResults.MetricError> errors = measured.errorsOnChip("nvidia-rtx-4090");
        MeasuredResults.MetricError tput = errors.stream()
                .filter(e -> e.metric() == Comparison.Metric.OUTPUT_TOKENS_PER_SECOND).findFirst().orElseThrow();
        assertThat(tput.count()).isGreaterThanOrEqualTo(1);
        String chipPage = HubPage.get(port, "/chips/nvidia-rtx-4090").body();
        assertThat(chipPage).contains("id=\"measured-error-table\"").contains("data-metric=\"outputTokensPerSecond\"");

        // A private model's runs never count on the public chip page.
        Repo secret = repos.create(team.owner(), new NewRepo(RepoKind.MODEL, team.owner().name(), "secret-llama", true));
        writes.commit(secret, team.owner(), "main", org.eclipse.jgit.lib.ObjectId.zeroId(), "Seed", List.of(
                put("config.json", resource("config.json")), put(CONFIG, resource(CONFIG)),
                put(FOLDER + "/c8.json", RUN)));
        awaitRuns(secret, 1);
        MeasuredResults.MetricError after = measured.errorsOnChip("nvidia-rtx-4090").stream()
                .filter(e -> e.metric() == Comparison.Metric.OUTPUT_TOKENS_PER_SECOND).findFirst().orElseThrow();
        assertThat(after.count()).isEqualTo(tput.count());
    }

    @Test
    void aPullRequestThatOnlyAttachesARunIsCheckedAndAMismatchFailsIt() {
        Team team = fixture.team();
        Repo repo = team.repo();
        commitOnMain(repo, team.owner(), List.of(put(CONFIG, resource(CONFIG))));

        long good = PullTestSupport.open(port, repo, team.contributorToken(), "RTX 4090 run",
                Map.of(FOLDER + "/c8.json", RUN));
        assertThat(PullTestSupport.awaitChecks(port, repo, good)).isEqualTo("success");
        String page = HubPage.get(port, "/" + repo.urlPath() + "/pulls/" + good).body();
        assertThat(page).contains("measured-check-").contains("c8.json").contains(">619<")
                .contains("validate " + CONFIG);

        long bad = PullTestSupport.open(port, repo, team.contributorToken(), "A run of another chip",
                Map.of(FOLDER + "/h100.json", RUN.replace("\"chip\": \"nvidia-rtx-4090\"", "\"chip\": \"nvidia-h100-sxm\""),
                        FOLDER + "/notes.yaml", "a: &a [1,1]\nb: [*a,*a]\n"));
        assertThat(PullTestSupport.awaitChecks(port, repo, bad)).isEqualTo("failure");
        JsonNode checks = PullTestSupport.details(port, repo, null, bad).get("checks");
        assertThat(checks.toString()).contains(ResultCodes.CHIP_MISMATCH);
        String badPage = HubPage.get(port, "/" + repo.urlPath() + "/pulls/" + bad).body();
        assertThat(badPage).contains(ResultCodes.CHIP_MISMATCH).contains(ResultCodes.NOT_A_RUN_FILE)
                .contains(FOLDER + "/notes.yaml");
    }
}
