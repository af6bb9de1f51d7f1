package dev.adapthub.web.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.web.pull.PullFixture.Team;
import dev.adapthub.web.support.GitCli;
import dev.adapthub.web.support.HubPage;
import dev.adapthub.web.support.HubWebTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Benchmark, not part of the suite (its name matches none of surefire's patterns): the time from
 * {@code git push origin HEAD:refs/pr/{n}} until the PR page's status box (the fragment the page
 * polls) shows the check's verdict for the pushed head. 3 warm-up pushes, then 20 measured.
 * Run with {@code bench/pull-check-latency.sh}; prints and writes {@code target/bench-pull-check.txt}.
 */
@HubWebTest
class PullCheckLatencyBench {

    static final int WARMUP = 3;
    static final int RUNS = 20;
    static final String PATH = "adaptations/nvidia-h100-sxm-vllm.yaml";

    @LocalServerPort int port;
    @Autowired PullFixture fixture;

    @Test
    void pushToVerdictOnThePage() throws Exception {
        Team team = fixture.team();
        Repo repo = team.repo();
        long n = PullTestSupport.open(port, repo, team.contributorToken(), "latency",
                Map.of(PATH, PullTestSupport.PASSING));
        GitCli git = new GitCli();
        Path work = Files.createTempDirectory("adapthub-bench");
        Account c = team.contributor();
        git.ok(work, "clone", "-q", "http://" + c.name() + ":" + team.contributorToken() + "@localhost:" + port + "/"
                + repo.urlPath() + ".git", "c");
        Path clone = work.resolve("c");
        git.ok(clone, "fetch", "-q", "origin", "refs/pr/" + n);
        git.ok(clone, "checkout", "-q", "FETCH_HEAD");

        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < WARMUP + RUNS; i++) {
            String config = PullTestSupport.PASSING.replace("concurrency: 12", "concurrency: " + (13 + i));
            Files.writeString(clone.resolve(PATH), config);
            git.ok(clone, "commit", "-q", "-am", "Concurrency " + (13 + i));
            String sha = git.ok(clone, "rev-parse", "--short=7", "HEAD").stdout().strip();
            long start = System.nanoTime();
            git.ok(clone, "push", "-q", "origin", "HEAD:refs/pr/" + n);
            awaitVerdict(repo, n, sha);
            double elapsed = (System.nanoTime() - start) / 1e6;
            if (i >= WARMUP) {
                millis.add(elapsed);
            }
        }
        List<Double> sorted = millis.stream().sorted().toList();
        double median = (sorted.get(RUNS / 2 - 1) + sorted.get(RUNS / 2)) / 2;
        double p90 = sorted.get((int) Math.ceil(RUNS * 0.9) - 1);
        String report = String.format("push to refs/pr/{n} -> verdict on the PR page, %d runs: median %.0f ms,"
                + " p90 %.0f ms, min %.0f ms, max %.0f ms%nall: %s%nmachine: %d cores, %s, Java %s%n", RUNS, median,
                p90, sorted.get(0), sorted.get(RUNS - 1), millis.stream().map(m -> String.format("%.0f", m)).toList(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name") + " "
                        + System.getProperty("os.arch"), System.getProperty("java.version"));
        System.out.println(report);
        Files.writeString(Path.of("target", "bench-pull-check.txt"), report);
        assertThat(median).as("median push-to-verdict latency").isLessThan(2000);
    }

    private void awaitVerdict(Repo repo, long n, String sha) throws IOException, InterruptedException {
        String url = "/" + repo.urlPath() + "/pulls/" + n + "/status";
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            String box = HubPage.get(port, url).body();
            if (box.contains(sha) && (box.contains(">success<") || box.contains(">failure<"))) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no verdict for " + sha + " within 60 s");
    }
}
