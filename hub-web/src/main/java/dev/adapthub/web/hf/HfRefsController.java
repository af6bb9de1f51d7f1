package dev.adapthub.web.hf;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.common.NotFoundException;
import dev.adapthub.core.pull.PullRequestService;
import dev.adapthub.core.pull.PullState;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.core.repo.push.RefWrites;
import dev.adapthub.git.read.HistoryPage;
import dev.adapthub.git.read.ResolvedRevision;
import dev.adapthub.web.api.ApiAuth;
import dev.adapthub.web.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Branches, tags and history: {@code GET …/refs}, {@code GET …/commits/{rev}}, and the ref writes
 * of {@code createBranch}/{@code create_branch}, {@code deleteBranch}, {@code create_tag} and
 * {@code delete_tag}, which follow the push rules of the same ref ({@link RefWrites}).
 */
@RestController
@Tag(name = "Hugging Face-compatible")
class HfRefsController {

    /** The page size without {@code limit}; {@code listCommits} sends its batch size, 100 by default. */
    static final int COMMITS_PAGE = 50;
    static final int MAX_COMMITS_PAGE = 100;
    /** {@code X-Total-Count} counts at most this many commits, so one request stays cheap. */
    static final int MAX_COUNTED = 1_000_000;

    /** The body of {@code POST …/branch/{branch}}. */
    record BranchRequest(String startingPoint, Boolean emptyBranch, Boolean overwrite) {
    }

    /** The body of {@code POST …/tag/{revision}}. */
    record TagRequest(String tag, String message) {
    }

    private final HfRepos hf;
    private final RepoFiles files;
    private final PullRequestService pulls;
    private final RefWrites writes;
    private final PerCommitCache<Integer> counts = new PerCommitCache<>(1024);

    HfRefsController(HfRepos hf, RepoFiles files, PullRequestService pulls, RefWrites writes) {
        this.hf = hf;
        this.files = files;
        this.pulls = pulls;
        this.writes = writes;
    }

    @Operation(summary = "Branches, tags and converts; open pull requests (refs/pr/{n}) too with include_prs=1")
    @GetMapping("/api/{type:models|datasets|tools}/{owner}/{name}/refs")
    Map<String, Object> refs(@PathVariable String type, @PathVariable String owner, @PathVariable String name,
            @RequestParam(name = "include_prs", required = false) String includePrs,
            @AuthenticationPrincipal HubUser user) {
        Repo repo = hf.repo(type, owner, name, user);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("branches", files.branches(repo).stream()
                .map(b -> ref(b.name(), b.refName(), b.commit().id().name())).toList());
        json.put("converts", List.of());
        json.put("tags", files.tags(repo).stream()
                .map(t -> ref(t.name(), t.refName(), t.commit().id().name())).toList());
        if (HfTreeController.isTrue(includePrs)) {
            json.put("pullRequests", pulls.list(repo, PullState.OPEN, null, null).stream()
                    .map(pr -> ref("refs/pr/" + pr.number(), "refs/pr/" + pr.number(), pr.headCommit())).toList());
        }
        return json;
    }

    private static Map<String, Object> ref(String name, String refName, String commitId) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("ref", refName);
        json.put("targetCommit", commitId);
        return json;
    }

    @Operation(summary = "History from a revision, newest first",
            description = "limit (1..100, default 50) commits a page; page p (0-based, as the Hub) or cursor"
                    + " (an offset); the next page in Link rel=next, the number of commits in X-Total-Count.")
    @GetMapping("/api/{type:models|datasets|tools}/{owner}/{name}/commits/{revision}")
    ResponseEntity<List<Map<String, Object>>> commits(@PathVariable String type, @PathVariable String owner,
            @PathVariable String name, @PathVariable String revision,
            @RequestParam(name = HfLinks.CURSOR, required = false) String cursor,
            @RequestParam(name = "p", required = false) String page,
            @RequestParam(required = false) Integer limit,
            @AuthenticationPrincipal HubUser user, HttpServletRequest request) {
        Repo repo = hf.repo(type, owner, name, user);
        ResolvedRevision at = hf.revision(repo, revision);
        int pageSize = Math.max(1, Math.min(limit == null ? COMMITS_PAGE : limit, MAX_COMMITS_PAGE));
        boolean byPage = page != null && cursor == null;
        int offset = byPage ? (int) Math.min((long) HfLinks.offset(page) * pageSize, Integer.MAX_VALUE)
                : HfLinks.offset(cursor);
        HistoryPage history = files.history(repo, at, "", offset, pageSize);
        var response = ResponseEntity.ok()
                .header("X-Total-Count", Integer.toString(counts.get(repo, at, () -> files.countCommits(repo, at, MAX_COUNTED))));
        if (history.hasMore()) {
            response.header("Link", byPage ? HfLinks.next(request, "p", offset / pageSize + 1)
                    : HfLinks.next(request, HfLinks.CURSOR, offset + history.commits().size()));
        }
        return response.body(history.commits().stream().map(HfShapes::commit).toList());
    }

    @Operation(summary = "Create a branch, or move one with overwrite",
            description = "{startingPoint?: revision (default branch), emptyBranch?: bool, overwrite?: bool};"
                    + " 409 when it exists without overwrite; protected branches keep their push rules.")
    @PostMapping("/api/{type:models|datasets|tools}/{owner}/{name}/branch/{branch}")
    Map<String, Object> createBranch(@PathVariable String type, @PathVariable String owner,
            @PathVariable String name, @PathVariable String branch,
            @RequestBody(required = false) BranchRequest body, @AuthenticationPrincipal HubUser user) {
        ApiAuth.requireWrite(user);
        Repo repo = hf.repo(type, owner, name, user);
        BranchRequest request = body == null ? new BranchRequest(null, null, null) : body;
        if (request.startingPoint() != null && !request.startingPoint().isBlank()) {
            hf.revision(repo, request.startingPoint());
        }
        try {
            var commit = writes.createBranch(repo, hf.account(user), branch, request.startingPoint(),
                    Boolean.TRUE.equals(request.emptyBranch()), Boolean.TRUE.equals(request.overwrite()));
            return ref(branch, "refs/heads/" + branch, commit.name());
        } catch (InvalidInputException e) {
            throw HfError.badRequest(e.getMessage());
        } catch (NotFoundException e) {
            throw HfError.revisionNotFound("Nothing to start the branch from: " + e.getMessage());
        }
    }

    @Operation(summary = "Delete a branch (not the default branch nor a protected one)")
    @DeleteMapping("/api/{type:models|datasets|tools}/{owner}/{name}/branch/{branch}")
    Map<String, Object> deleteBranch(@PathVariable String type, @PathVariable String owner,
            @PathVariable String name, @PathVariable String branch, @AuthenticationPrincipal HubUser user) {
        return delete(type, owner, name, user, (repo, who) -> writes.deleteBranch(repo, who, branch),
                "refs/heads/" + branch);
    }

    @Operation(summary = "Tag a revision", description = "{tag, message?}: with a message an annotated tag;"
            + " 409 when the tag exists.")
    @PostMapping("/api/{type:models|datasets|tools}/{owner}/{name}/tag/{revision}")
    Map<String, Object> createTag(@PathVariable String type, @PathVariable String owner, @PathVariable String name,
            @PathVariable String revision, @RequestBody(required = false) TagRequest body,
            @AuthenticationPrincipal HubUser user) {
        ApiAuth.requireWrite(user);
        Repo repo = hf.repo(type, owner, name, user);
        if (body == null || body.tag() == null || body.tag().isBlank()) {
            throw HfError.badRequest("Send the tag's name: {\"tag\": \"v1.0\", \"message\": \"…\"}.");
        }
        hf.revision(repo, revision);
        try {
            var commit = writes.createTag(repo, hf.account(user), body.tag(), revision, body.message());
            return ref(body.tag(), "refs/tags/" + body.tag(), commit.name());
        } catch (InvalidInputException e) {
            throw HfError.badRequest(e.getMessage());
        }
    }

    @Operation(summary = "Delete a tag")
    @DeleteMapping("/api/{type:models|datasets|tools}/{owner}/{name}/tag/{tag}")
    Map<String, Object> deleteTag(@PathVariable String type, @PathVariable String owner, @PathVariable String name,
            @PathVariable String tag, @AuthenticationPrincipal HubUser user) {
        return delete(type, owner, name, user, (repo, who) -> writes.deleteTag(repo, who, tag), "refs/tags/" + tag);
    }

    private Map<String, Object> delete(String type, String owner, String name, HubUser user,
            BiConsumer<Repo, Account> deletion, String ref) {
        ApiAuth.requireWrite(user);
        Repo repo = hf.repo(type, owner, name, user);
        try {
            deletion.accept(repo, hf.account(user));
        } catch (NotFoundException e) {
            throw HfError.revisionNotFound(e.getMessage());
        } catch (InvalidInputException e) {
            throw HfError.badRequest(e.getMessage());
        }
        return Map.of("deleted", ref);
    }
}
