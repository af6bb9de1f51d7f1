package dev.adapthub.web.hf;

import dev.adapthub.core.pull.PullRequestService;
import dev.adapthub.core.pull.PullState;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.git.read.HistoryPage;
import dev.adapthub.git.read.ResolvedRevision;
import dev.adapthub.web.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Branches, tags and history: {@code GET …/refs} and {@code GET …/commits/{rev}}. */
@RestController
@Tag(name = "Hugging Face-compatible")
class HfRefsController {

    static final int COMMITS_PAGE = 50;

    private final HfRepos hf;
    private final RepoFiles files;
    private final PullRequestService pulls;

    HfRefsController(HfRepos hf, RepoFiles files, PullRequestService pulls) {
        this.hf = hf;
        this.files = files;
        this.pulls = pulls;
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

    @Operation(summary = "History from a revision, newest first, paged by a Link header")
    @GetMapping("/api/{type:models|datasets|tools}/{owner}/{name}/commits/{revision}")
    ResponseEntity<List<Map<String, Object>>> commits(@PathVariable String type, @PathVariable String owner,
            @PathVariable String name, @PathVariable String revision,
            @RequestParam(name = HfLinks.CURSOR, required = false) String cursor,
            @RequestParam(required = false) Integer limit,
            @AuthenticationPrincipal HubUser user, HttpServletRequest request) {
        Repo repo = hf.repo(type, owner, name, user);
        ResolvedRevision at = hf.revision(repo, revision);
        int pageSize = Math.max(1, Math.min(limit == null ? COMMITS_PAGE : limit, COMMITS_PAGE));
        int offset = HfLinks.offset(cursor);
        HistoryPage page = files.history(repo, at, "", offset, pageSize);
        var response = ResponseEntity.ok();
        if (page.hasMore()) {
            response.header("Link", HfLinks.next(request, offset + page.commits().size()));
        }
        return response.body(page.commits().stream().map(HfShapes::commit).toList());
    }
}
