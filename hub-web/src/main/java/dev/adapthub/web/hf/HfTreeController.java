package dev.adapthub.web.hf;

import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.common.NotFoundException;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.git.read.CommitInfo;
import dev.adapthub.git.read.HistoryPage;
import dev.adapthub.git.read.ResolvedRevision;
import dev.adapthub.git.read.TreeEntry;
import dev.adapthub.git.read.TreePage;
import dev.adapthub.web.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * File listings as {@code listFiles}/{@code list_repo_tree} and {@code pathsInfo} read them:
 * {@code GET …/tree/{rev}[/{path}]} paged through {@code Link: rel="next"}, and
 * {@code POST …/paths-info/{rev}}.
 */
@RestController
@Tag(name = "Hugging Face-compatible")
class HfTreeController {

    static final int PAGE = 1000;
    /** With {@code expand} every entry costs a history walk: smaller pages, as on Hugging Face. */
    static final int EXPANDED_PAGE = 50;
    static final int MAX_PATHS = 1000;
    /** The most files a repository's info lists as siblings (read whole, unlike the paged tree). */
    static final int MAX_LISTING = 100_000;

    /** The JSON body of paths-info. */
    record PathsRequest(List<String> paths, Boolean expand) {
    }

    private final HfRepos hf;
    private final RepoFiles files;

    HfTreeController(HfRepos hf, RepoFiles files) {
        this.hf = hf;
        this.files = files;
    }

    @Operation(summary = "List a folder (recursive=true for everything below), paged by a Link header",
            description = "Entries: {type: file|directory, oid, size, path, lfs?{oid,size,pointerSize},"
                    + " lastCommit? (expand=true)}.")
    @GetMapping({"/api/{type:models|datasets|tools}/{owner}/{name}/tree/{revision}",
            "/api/{type:models|datasets|tools}/{owner}/{name}/tree/{revision}/**"})
    ResponseEntity<List<Map<String, Object>>> tree(@PathVariable String type, @PathVariable String owner,
            @PathVariable String name, @PathVariable String revision,
            @RequestParam(defaultValue = "false") String recursive, @RequestParam(defaultValue = "false") String expand,
            @RequestParam(name = HfLinks.CURSOR, required = false) String cursor,
            @RequestParam(required = false) Integer limit, @AuthenticationPrincipal HubUser user,
            HttpServletRequest request) {
        Repo repo = hf.repo(type, owner, name, user);
        ResolvedRevision at = hf.revision(repo, revision);
        String path = HfRepos.pathAfterRevision(request);
        boolean expanded = isTrue(expand);
        int pageSize = Math.max(1, Math.min(limit == null ? PAGE : limit, expanded ? EXPANDED_PAGE : PAGE));
        int offset = HfLinks.offset(cursor);
        TreePage listing;
        try {
            // Only this page's entries are sized: page 1 of 20,000 files reads 1,000 blobs' sizes.
            listing = files.page(repo, at, path, isTrue(recursive), offset, pageSize);
        } catch (NotFoundException e) {
            throw HfError.entryNotFound("No folder '" + path + "' at " + revision + " in " + repo.fullName() + ".");
        } catch (InvalidInputException e) {
            throw HfError.badRequest(e.getMessage());
        }
        // A submodule has no content here; it keeps its place in the walk, so cursors stay positions.
        List<Map<String, Object>> page = new ArrayList<>();
        for (TreeEntry entry : listing.entries()) {
            if (entry.kind() != TreeEntry.Kind.SUBMODULE) {
                page.add(HfShapes.entry(entry, expanded ? lastCommit(repo, at, entry.path()) : null));
            }
        }
        var response = ResponseEntity.ok();
        if (listing.hasMore()) {
            response.header("Link", HfLinks.next(request, offset + pageSize));
        }
        return response.body(page);
    }

    @Operation(summary = "Info on the given paths (missing ones are left out)")
    @PostMapping(path = "/api/{type:models|datasets|tools}/{owner}/{name}/paths-info/{revision}",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    List<Map<String, Object>> pathsInfoJson(@PathVariable String type, @PathVariable String owner,
            @PathVariable String name, @PathVariable String revision, @RequestBody PathsRequest body,
            @AuthenticationPrincipal HubUser user) {
        return pathsInfo(type, owner, name, revision, body == null ? null : body.paths(),
                body != null && Boolean.TRUE.equals(body.expand()), user);
    }

    @PostMapping(path = "/api/{type:models|datasets|tools}/{owner}/{name}/paths-info/{revision}",
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    List<Map<String, Object>> pathsInfoForm(@PathVariable String type, @PathVariable String owner,
            @PathVariable String name, @PathVariable String revision,
            @RequestParam(required = false) List<String> paths, @RequestParam(defaultValue = "false") String expand,
            @AuthenticationPrincipal HubUser user) {
        return pathsInfo(type, owner, name, revision, paths, isTrue(expand), user);
    }

    private List<Map<String, Object>> pathsInfo(String type, String owner, String name, String revision,
            List<String> paths, boolean expand, HubUser user) {
        Repo repo = hf.repo(type, owner, name, user);
        ResolvedRevision at = hf.revision(repo, revision);
        if (paths == null || paths.isEmpty()) {
            throw HfError.badRequest("Send the paths to look up: {\"paths\": [\"config.json\", …]}.");
        }
        if (paths.size() > MAX_PATHS) {
            throw HfError.badRequest("At most " + MAX_PATHS + " paths per request; got " + paths.size() + ".");
        }
        List<Map<String, Object>> found = new ArrayList<>();
        for (String path : paths) {
            try {
                files.entry(repo, at, path).ifPresent(entry -> found.add(
                        HfShapes.entry(entry, expand ? lastCommit(repo, at, entry.path()) : null)));
            } catch (InvalidInputException e) {
                throw HfError.badRequest(e.getMessage());
            }
        }
        return found;
    }

    private CommitInfo lastCommit(Repo repo, ResolvedRevision at, String path) {
        HistoryPage history = files.history(repo, at, path, 0, 1);
        return history.commits().isEmpty() ? null : history.commits().get(0);
    }

    static boolean isTrue(String flag) {
        return flag != null && (flag.equalsIgnoreCase("true") || flag.equals("1"));
    }
}
