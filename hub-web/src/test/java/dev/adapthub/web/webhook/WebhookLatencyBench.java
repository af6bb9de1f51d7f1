package dev.adapthub.web.webhook;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.token.TokenScope;
import dev.adapthub.core.webhook.WebhookService;
import dev.adapthub.web.support.GitCli;
import dev.adapthub.web.support.TestAccounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Benchmark, not part of the suite (its name matches none of surefire's patterns): the time from
 * the start of {@code git push} until the webhook's receiver (a real HTTP server in this JVM) has
 * the push event. 3 warm-up pushes, then 20 measured. Run with {@code bench/webhook-latency.sh};
 * prints and writes {@code target/bench-webhook-latency.txt}.
 */
@HooksTest
class WebhookLatencyBench {

    static final int WARMUP = 3;
    static final int RUNS = 20;

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired RepoService repos;
    @Autowired WebhookService hooks;

    @Test
    void pushToWebhookReceived() throws Exception {
        Account ada = accounts.create("bench");
        String token = accounts.token(ada, TokenScope.WRITE);
        Repo repo = repos.create(ada, new NewRepo(RepoKind.MODEL, null, "latency", false));
        try (HookReceiver receiver = new HookReceiver().start()) {
            hooks.create(ada, repo, receiver.url("/bench"), List.of("push"));
            GitCli git = new GitCli();
            Path work = Files.createTempDirectory("adapthub-hook-bench");
            git.ok(work, "clone", "-q", "http://" + ada.name() + ":" + token + "@localhost:" + port + "/"
                    + repo.urlPath() + ".git", "c");
            Path clone = work.resolve("c");
            List<Double> millis = new ArrayList<>();
            List<Double> afterPush = new ArrayList<>();
            for (int i = 0; i < WARMUP + RUNS; i++) {
                Files.writeString(clone.resolve("n.txt"), i + "\n");
                git.ok(clone, "add", ".");
                git.ok(clone, "commit", "-q", "-m", "Push " + i);
                int before = receiver.at("/bench", "push").size();
                long start = System.nanoTime();
                git.ok(clone, "push", "-q", "origin", "HEAD:main");
                long pushed = System.nanoTime();
                Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(2))
                        .until(() -> receiver.at("/bench", "push").size() > before);
                long arrived = receiver.at("/bench", "push").get(before).arrivedNanos();
                if (i >= WARMUP) {
                    millis.add((arrived - start) / 1e6);
                    afterPush.add(Math.max(0, arrived - pushed) / 1e6);
                }
            }
            List<Double> sorted = millis.stream().sorted().toList();
            List<Double> hubPart = afterPush.stream().sorted().toList();
            String report = String.format(java.util.Locale.ROOT,
                    "push -> webhook received, %d pushes: median %.0f ms, p90 %.0f ms, min %.0f ms, max %.0f ms%n"
                            + "after git push returned (0 = before): median %.0f ms, p90 %.0f ms%n"
                            + "all (ms): %s%n", RUNS, percentile(sorted, 50), percentile(sorted, 90), sorted.get(0),
                    sorted.get(sorted.size() - 1), percentile(hubPart, 50), percentile(hubPart, 90), millis.stream().map(m -> String.format(java.util.Locale.ROOT, "%.0f", m))
                            .toList());
            System.out.print(report);
            Files.writeString(Path.of("target", "bench-webhook-latency.txt"), report);
        }
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(List<Double> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
