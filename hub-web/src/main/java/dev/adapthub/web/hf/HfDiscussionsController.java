package dev.adapthub.web.hf;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.pull.NewPullRequest;
import dev.adapthub.core.pull.PullEvent;
import dev.adapthub.core.pull.PullMerges;
import dev.adapthub.core.pull.PullRequest;
import dev.adapthub.core.pull.PullRequestService;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.git.merge.MergeMethod;
import dev.adapthub.web.api.ApiAuth;
import dev.adapthub.web.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Hugging Face discussions endpoints where a standard client calls them for pull requests
 * ({@code create_pull_request}, {@code get_discussion_details}, {@code comment_discussion},
 * {@code change_discussion_status}, {@code merge_pull_request}), on the hub's pull requests.
 * Only pull requests exist here: {@code pullRequest: false} is refused.
 */
@RestController
@Tag(name = "Hugging Face-compatible")
class HfDiscussionsController {

    static final String BASE = "/api/{type:models|datasets|tools}/{owner}/{name}/discussions";

    record CreateBody(String title, String description, Boolean pullRequest) {
    }

    record CommentBody(String comment) {
    }

    record StatusBody(String status, String comment) {
    }

    private final HfRepos hf;
    private final PullRequestService pulls;
    private final PullMerges merges;

    HfDiscussionsController(HfRepos hf, PullRequestService pulls, PullMerges merges) {
        this.hf = hf;
        this.pulls = pulls;
        this.merges = merges;
    }

    @Operation(summary = "Open a pull request (pullRequest: true) that the client then commits to with create_pr")
    @PostMapping(BASE)
    Map<String, Object> create(@PathVariable String type, @PathVariable String owner, @PathVariable String name,
            @RequestBody(required = false) CreateBody body, @AuthenticationPrincipal HubUser user) {
        ApiAuth.requireWrite(user);
        Repo repo = hf.repo(type, owner, name, user);
        HfRepos.requireDiscussionsEnabled(repo);
        if (body == null || !Boolean.TRUE.equals(body.pullRequest())) {
            throw HfError.badRequest("This hub has pull requests, not discussions: send {\"title\", \"description\","
                    + " \"pullRequest\": true}.");
        }
        PullRequest pr = pulls.openForPush(hf.account(user), repo,
                new NewPullRequest(body.title(), body.description(), null, false, List.of()));
        return Map.of("num", pr.number(), "pullRequest", true, "url", "/" + repo.urlPath() + "/pulls/" + pr.number());
    }

    @Operation(summary = "A pull request with its events, as get_discussion_details reads it")
    @GetMapping(BASE + "/{number}")
    Map<String, Object> details(@PathVariable String type, @PathVariable String owner, @PathVariable String name,
            @PathVariable long number, @AuthenticationPrincipal HubUser user) {
        Repo repo = hf.repo(type, owner, name, user);
        return details(repo, pulls.get(repo, number));
    }

    @PostMapping(BASE + "/{number}/comment")
    Map<String, Object> comment(@PathVariable String type, @PathVariable String owner, @PathVariable String name,
            @PathVariable long number, @RequestBody(required = false) CommentBody body,
            @AuthenticationPrincipal HubUser user) {
        ApiAuth.requireWrite(user);
        Repo repo = hf.repo(type, owner, name, user);
        PullEvent event = pulls.comment(hf.account(user), repo, number, body == null ? null : body.comment());
        return Map.of("newMessage", event(event, hf.account(user)));
    }

    @PostMapping(BASE + "/{number}/status")
    Map<String, Object> status(@PathVariable String type, @PathVariable String owner, @PathVariable String name,
            @PathVariable long number, @RequestBody(required = false) StatusBody body,
            @AuthenticationPrincipal HubUser user) {
        ApiAuth.requireWrite(user);
        Repo repo = hf.repo(type, owner, name, user);
        Account actor = hf.account(user);
        String status = body == null ? null : body.status();
        PullRequest pr = switch (status == null ? "" : status) {
            case "closed" -> pulls.close(actor, repo, number);
            case "open" -> pulls.reopen(actor, repo, number);
            default -> throw new InvalidInputException("status", "status is open or closed.");
        };
        if (body.comment() != null && !body.comment().isBlank()) {
            pulls.comment(actor, repo, number, body.comment());
        }
        List<PullEvent> timeline = pulls.timeline(pr);
        return Map.of("newStatus", event(timeline.get(timeline.size() - 1), actor));
    }

    @PostMapping(BASE + "/{number}/merge")
    Map<String, Object> merge(@PathVariable String type, @PathVariable String owner, @PathVariable String name,
            @PathVariable long number, @RequestBody(required = false) CommentBody body,
            @AuthenticationPrincipal HubUser user) {
        ApiAuth.requireWrite(user);
        Repo repo = hf.repo(type, owner, name, user);
        Account actor = hf.account(user);
        if (body != null && body.comment() != null && !body.comment().isBlank()) {
            pulls.comment(actor, repo, number, body.comment());
        }
        PullRequest pr = merges.merge(actor, repo, number, MergeMethod.MERGE_COMMIT, null);
        return details(repo, pr);
    }

    private Map<String, Object> details(Repo repo, PullRequest pr) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("num", pr.number());
        json.put("title", pr.title());
        json.put("status", pr.isOpen() && pr.isDraft() ? "draft" : pr.state().label());
        json.put("isPullRequest", true);
        json.put("createdAt", HfShapes.date(pr.createdAt()));
        json.put("author", Map.of("name", pulls.name(pr.authorId()).orElse("deleted")));
        json.put("repo", Map.of("name", repo.fullName(), "type", repo.kind().apiName()));
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("base", "refs/heads/" + pr.targetBranch());
        if (pr.mergeCommit() != null) {
            changes.put("mergeCommitId", pr.mergeCommit());
        }
        json.put("changes", changes);
        json.put("filesWithConflicts", List.of());
        json.put("events", pulls.timeline(pr).stream()
                .map(e -> event(e, pulls.account(e.actorId()).orElse(null))).toList());
        return json;
    }

    private static Map<String, Object> event(PullEvent event, Account actor) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", Long.toString(event.id()));
        json.put("createdAt", HfShapes.date(event.createdAt()));
        json.put("author", Map.of("name", actor == null ? "deleted" : actor.name()));
        switch (event.kind()) {
            case COMMENT, REVIEW, OPENED -> {
                json.put("type", "comment");
                String body = event.body() == null ? "" : event.body();
                json.put("data", Map.of("edited", false, "hidden", false,
                        "latest", Map.of("raw", body, "html", "", "updatedAt", HfShapes.date(event.createdAt()))));
            }
            case CLOSED, REOPENED, MERGED -> {
                json.put("type", "status-change");
                json.put("data", Map.of("status", switch (event.kind()) {
                    case CLOSED -> "closed";
                    case MERGED -> "merged";
                    default -> "open";
                }));
            }
            case PUSHED -> {
                json.put("type", "commit");
                json.put("data", Map.of("subject", "", "oid", event.commitId() == null ? "" : event.commitId()));
            }
            default -> {
                json.put("type", "status-change");
                json.put("data", Map.of("status", "open"));
            }
        }
        return json;
    }
}
