package dev.adapthub.web.pull;

import static dev.adapthub.web.pull.PullFixture.api;
import static dev.adapthub.web.pull.PullFixture.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.adapthub.core.account.Account;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.web.pull.PullFixture.Answer;
import dev.adapthub.web.pull.PullFixture.Team;
import dev.adapthub.web.support.GitCli;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;

/** API steps the pull request tests share. */
final class PullTestSupport {

    static final String PASSING = PullFixture.resource("proposals/nvidia-h100-sxm-vllm-fp8.yaml");
    /** The 910B3 config moved to a 310P, which has no bf16: the validator fails it. */
    static final String FAILING = PullFixture.resource("adaptations/ascend-910b3-vllm-ascend.yaml")
            .replace("chip: ascend-910b3", "chip: ascend-310p")
            .replace("name: vllm-ascend, version: \"0.9.1\"", "name: mindie, version: \"2.1.RC1\"");

    private PullTestSupport() {
    }

    /** The repository's Git URL with {@code account}'s token in it. */
    static String gitUrl(int port, Repo repo, Account account, String token) {
        return "http://" + account.name() + ":" + token + "@localhost:" + port + "/" + repo.urlPath() + ".git";
    }

    /** Where {@code ref} points on the hub, as the team's owner sees it with {@code git ls-remote}; "" when absent. */
    static String remoteRef(GitCli git, Path work, int port, Team team, String ref) throws Exception {
        String out = git.ok(work, "ls-remote", gitUrl(port, team.repo(), team.owner(), team.ownerToken()), ref)
                .stdout().strip();
        return out.isEmpty() ? "" : out.substring(0, 40);
    }

    static long open(int port, Repo repo, String token, String title, Map<String, String> files) {
        Answer opened = call(port, "POST", api(repo), token, Map.of("title", title, "files",
                files.entrySet().stream().map(e -> Map.of("path", e.getKey(), "content", e.getValue())).toList()));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        return opened.body().get("number").asLong();
    }

    static JsonNode details(int port, Repo repo, String token, long number) {
        Answer answer = call(port, "GET", api(repo) + "/" + number, token, null);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        return answer.body();
    }

    /** Waits until every check at the PR's head has finished; answers the overall state. */
    static String awaitChecks(int port, Repo repo, long number) {
        String[] state = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            state[0] = details(port, repo, null, number).get("checks").get("state").asText();
            return Set.of("success", "failure", "error", "none").contains(state[0]);
        });
        return state[0];
    }

    static Answer review(int port, Repo repo, String token, long number, String verdict, String body) {
        return call(port, "POST", api(repo) + "/" + number + "/reviews", token,
                body == null ? Map.of("verdict", verdict) : Map.of("verdict", verdict, "body", body));
    }

    static Answer merge(int port, Repo repo, String token, long number, String method) {
        return call(port, "POST", api(repo) + "/" + number + "/merge", token, Map.of("method", method));
    }

    /** The gate's condition {@code key} as the token's owner meets it. */
    static JsonNode condition(JsonNode details, String key) {
        for (JsonNode c : details.get("gate")) {
            if (c.get("condition").asText().equals(key)) {
                return c;
            }
        }
        throw new AssertionError("no gate condition " + key + " in " + details);
    }

    static List<String> unmet(JsonNode details) {
        return details.get("gate").findParents("met").stream().filter(c -> !c.get("met").asBoolean())
                .map(c -> c.get("condition").asText()).toList();
    }
}
