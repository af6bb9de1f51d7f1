package dev.adapthub.web.api;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.common.NotFoundException;
import dev.adapthub.core.measured.MeasuredResults;
import dev.adapthub.core.pull.GateCondition;
import dev.adapthub.core.pull.MergeBlockedException;
import dev.adapthub.core.pull.MergeGate;
import dev.adapthub.core.pull.NewPullRequest;
import dev.adapthub.core.pull.PullEvent;
import dev.adapthub.core.pull.PullMerges;
import dev.adapthub.core.pull.PullRequest;
import dev.adapthub.core.pull.PullRequestService;
import dev.adapthub.core.pull.PullState;
import dev.adapthub.core.pull.ReviewVerdict;
import dev.adapthub.core.pull.check.CheckRun;
import dev.adapthub.core.pull.check.CheckRuns;
import dev.adapthub.core.pull.check.CheckSummary;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.git.merge.MergeMethod;
import dev.adapthub.git.write.Content;
import dev.adapthub.git.write.FileChange;
import dev.adapthub.web.error.HubStatus;
import dev.adapthub.web.repo.CurrentAccount;
import dev.adapthub.web.security.HubUser;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pull requests over JSON with token auth: {@code /api/{models|datasets|tools}/{owner}/{name}/pulls}
 * (list, create from a branch or from file changes), {@code .../pulls/{n}} (details with the merge
 * gate and the checks at the head), {@code .../comments}, {@code .../reviews}, {@code .../merge},
 * {@code .../close}, {@code .../reopen}. A blocked merge answers 409 with the unmet conditions and
 * the conflicting files.
 */
@RestController
class PullApiController {

    static final String BASE = "/api/{kinds}/{owner}/{name}/pulls";
    static final int MAX_FILES = 100;

    /** Create: {@code source} (a branch) or {@code files} ({path, content} as UTF-8 text). */
    record CreateRequest(String title, String description, String source, String target, Boolean draft,
            List<String> labels, String message, List<FileBody> files) {
    }

    record FileBody(String path, String content) {
    }

    record CommentRequest(String body) {
    }

    record ReviewRequest(String verdict, String body) {
    }

    record MergeRequestBody(String method, String message) {
    }

    private final RepoService repos;
    private final PullRequestService pulls;
    private final PullMerges merges;
    private final CheckRuns checks;
    private final CurrentAccount current;

    PullApiController(RepoService repos, PullRequestService pulls, PullMerges merges, CheckRuns checks,
            CurrentAccount current) {
        this.repos = repos;
        this.pulls = pulls;
        this.merges = merges;
        this.checks = checks;
        this.current = current;
    }

    private Repo repo(String kinds, String owner, String name, HubUser user) {
        RepoKind kind = switch (kinds) {
            case "models" -> RepoKind.MODEL;
            case "datasets" -> RepoKind.DATASET;
            case "tools" -> RepoKind.TOOL;
            default -> throw new NotFoundException("No API at /api/" + kinds + "; use models, datasets or tools.");
        };
        return repos.get(kind, owner, name, current.of(user));
    }

    private Account writer(HubUser user) {
        ApiAuth.requireWrite(user);
        return current.of(user);
    }

    private static long number(String text) {
        if (text == null || !text.matches("[1-9][0-9]{0,17}")) {
            throw new InvalidInputException("number", "'" + text + "' is not a pull request number.");
        }
        return Long.parseLong(text);
    }

    @GetMapping(BASE)
    List<Map<String, Object>> list(@PathVariable String kinds, @PathVariable String owner, @PathVariable String name,
            @RequestParam(required = false) String state, @AuthenticationPrincipal HubUser user) {
        Repo repo = repo(kinds, owner, name, user);
        PullState filter = null;
        if (state != null && !state.isBlank() && !state.equalsIgnoreCase("all")) {
            try {
                filter = PullState.valueOf(state.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("state", "state is open, merged, closed or all.");
            }
        }
        return pulls.list(repo, filter, null, null).stream().map(pr -> summary(repo, pr)).toList();
    }

    @PostMapping(BASE)
    ResponseEntity<Map<String, Object>> create(@PathVariable String kinds, @PathVariable String owner,
            @PathVariable String name, @RequestBody(required = false) CreateRequest body,
            @AuthenticationPrincipal HubUser user) {
        Account actor = writer(user);
        Repo repo = repo(kinds, owner, name, user);
        if (body == null) {
            throw new InvalidInputException("body", "Send {\"title\": ..., \"source\": branch} or {\"title\": ...,"
                    + " \"files\": [{\"path\": ..., \"content\": ...}]}.");
        }
        NewPullRequest request = new NewPullRequest(body.title(), body.description(), body.target(),
                Boolean.TRUE.equals(body.draft()), body.labels());
        PullRequest pr;
        if (body.files() != null) {
            if (body.source() != null) {
                throw new InvalidInputException("source", "Send either a source branch or files, not both.");
            }
            if (body.files().size() > MAX_FILES) {
                throw new InvalidInputException("files", "At most " + MAX_FILES + " files per request; push with git.");
            }
            List<FileChange> changes = body.files().stream().map(f -> {
                if (f == null || f.path() == null || f.content() == null) {
                    throw new InvalidInputException("files", "Each file needs a path and a content.");
                }
                return (FileChange) new FileChange.Put(f.path(), Content.of(f.content().getBytes(StandardCharsets.UTF_8)));
            }).toList();
            String message = body.message() == null || body.message().isBlank() ? request.title() : body.message();
            pr = pulls.openWithChanges(actor, repo, request, null, message, changes);
        } else if (body.source() != null) {
            pr = pulls.openFromBranch(actor, repo, body.source(), request);
        } else {
            throw new InvalidInputException("source", "Name a source branch, or send files to propose.");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(details(repo, pr, actor));
    }

    @GetMapping(BASE + "/{number}")
    Map<String, Object> show(@PathVariable String kinds, @PathVariable String owner, @PathVariable String name,
            @PathVariable String number, @AuthenticationPrincipal HubUser user) {
        Repo repo = repo(kinds, owner, name, user);
        return details(repo, pulls.get(repo, number(number)), current.of(user));
    }

    @PostMapping(BASE + "/{number}/comments")
    ResponseEntity<Map<String, Object>> comment(@PathVariable String kinds, @PathVariable String owner,
            @PathVariable String name, @PathVariable String number, @RequestBody(required = false) CommentRequest body,
            @AuthenticationPrincipal HubUser user) {
        Account actor = writer(user);
        Repo repo = repo(kinds, owner, name, user);
        PullEvent event = pulls.comment(actor, repo, number(number), body == null ? null : body.body());
        return ResponseEntity.status(HttpStatus.CREATED).body(event(event, actor.name()));
    }

    @PostMapping(BASE + "/{number}/reviews")
    ResponseEntity<Map<String, Object>> review(@PathVariable String kinds, @PathVariable String owner,
            @PathVariable String name, @PathVariable String number, @RequestBody(required = false) ReviewRequest body,
            @AuthenticationPrincipal HubUser user) {
        Account actor = writer(user);
        Repo repo = repo(kinds, owner, name, user);
        ReviewVerdict verdict = null;
        if (body != null && body.verdict() != null) {
            try {
                verdict = ReviewVerdict.valueOf(body.verdict().strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("verdict", "verdict is approve, request_changes or comment.");
            }
        }
        PullEvent event = pulls.review(actor, repo, number(number), verdict, body == null ? null : body.body());
        return ResponseEntity.status(HttpStatus.CREATED).body(event(event, actor.name()));
    }

    @PostMapping(BASE + "/{number}/merge")
    Map<String, Object> merge(@PathVariable String kinds, @PathVariable String owner, @PathVariable String name,
            @PathVariable String number, @RequestBody(required = false) MergeRequestBody body,
            @AuthenticationPrincipal HubUser user) {
        Account actor = writer(user);
        Repo repo = repo(kinds, owner, name, user);
        MergeMethod method = MergeMethod.MERGE_COMMIT;
        if (body != null && body.method() != null) {
            try {
                method = MergeMethod.valueOf(body.method().strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("method", "method is merge_commit, squash or fast_forward_only.");
            }
        }
        PullRequest pr = merges.merge(actor, repo, number(number), method, body == null ? null : body.message());
        return details(repo, pr, actor);
    }

    @PostMapping(BASE + "/{number}/close")
    Map<String, Object> close(@PathVariable String kinds, @PathVariable String owner, @PathVariable String name,
            @PathVariable String number, @AuthenticationPrincipal HubUser user) {
        Account actor = writer(user);
        Repo repo = repo(kinds, owner, name, user);
        return details(repo, pulls.close(actor, repo, number(number)), actor);
    }

    @PostMapping(BASE + "/{number}/reopen")
    Map<String, Object> reopen(@PathVariable String kinds, @PathVariable String owner, @PathVariable String name,
            @PathVariable String number, @AuthenticationPrincipal HubUser user) {
        Account actor = writer(user);
        Repo repo = repo(kinds, owner, name, user);
        return details(repo, pulls.reopen(actor, repo, number(number)), actor);
    }

    @ExceptionHandler(MergeBlockedException.class)
    ResponseEntity<Map<String, Object>> blocked(MergeBlockedException e, HttpServletRequest request) {
        ResponseEntity<Map<String, Object>> response = ApiErrorAdvice.error(request, HubStatus.of(e), e.getMessage(),
                e.field());
        Map<String, Object> body = new LinkedHashMap<>(response.getBody());
        body.put("unmet", e.unmet().stream().map(c -> Map.of("condition", c.key(), "reason", c.reason())).toList());
        body.put("conflicts", e.conflicts());
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders()).body(body);
    }

    private Map<String, Object> summary(Repo repo, PullRequest pr) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("number", pr.number());
        out.put("title", pr.title());
        out.put("state", pr.state().label());
        out.put("draft", pr.isDraft());
        out.put("author", pulls.name(pr.authorId()).orElse(null));
        out.put("source", pr.sourceRef());
        out.put("target", pr.targetBranch());
        out.put("head", pr.headCommit());
        out.put("labels", pr.labels());
        out.put("createdAt", pr.createdAt().toString());
        out.put("url", "/" + repo.urlPath() + "/pulls/" + pr.number());
        return out;
    }

    private Map<String, Object> details(Repo repo, PullRequest pr, Account viewer) {
        Map<String, Object> out = summary(repo, pr);
        out.put("description", pr.description());
        if (pr.mergeCommit() != null) {
            out.put("mergeCommit", pr.mergeCommit());
            out.put("mergeMethod", pr.mergeMethod().name().toLowerCase(Locale.ROOT));
            out.put("mergedBy", pulls.name(pr.mergedBy()).orElse(null));
            out.put("mergedAt", pr.mergedAt().toString());
        }
        MergeGate gate = merges.gate(viewer, repo, pr);
        out.put("mergeable", gate.passes());
        out.put("gate", gate.conditions().stream().map(PullApiController::condition).toList());
        out.put("conflicts", gate.conflicts());
        CheckSummary summary = checks.summary(pr);
        out.put("checks", Map.of("state", summary.state(), "runs", summary.runs().stream()
                .map(PullApiController::run).toList()));
        out.put("events", pulls.timeline(pr).stream().map(e -> event(e,
                pulls.name(e.actorId()).orElse(null))).toList());
        return out;
    }

    private static Map<String, Object> condition(GateCondition c) {
        return Map.of("condition", c.key(), "met", c.met(), "reason", c.reason());
    }

    private static Map<String, Object> run(CheckRun r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.id());
        out.put("name", r.name());
        out.put("path", r.configPath());
        out.put("chip", r.validatedChip());
        out.put("status", r.status().label());
        out.put("verdict", r.verdict());
        out.put("backendId", r.backendId());
        out.put("backendVersion", r.backendVersion());
        out.put("summary", r.summary());
        out.put("reportDigest", r.reportDigest());
        out.put("head", r.headCommit());
        // Measured results the check read (adaptations/<config>.results/*.json); null when none.
        out.put("measuredResults", MeasuredResults.evaluationFromJson(r.resultsJson()));
        return out;
    }

    private static Map<String, Object> event(PullEvent e, String actor) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", e.id());
        out.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
        out.put("actor", actor);
        out.put("body", e.body());
        if (e.reviewVerdict() != null) {
            out.put("verdict", e.reviewVerdict().name().toLowerCase(Locale.ROOT));
            out.put("dismissed", e.isDismissed());
        }
        out.put("commit", e.commitId());
        out.put("createdAt", e.createdAt().toString());
        return out;
    }
}
