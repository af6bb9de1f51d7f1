package dev.adapthub.web.hf;

import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoFilter;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoQuery;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.git.read.ResolvedRevision;
import dev.adapthub.web.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/models} (and datasets, tools) as {@code listModels}/{@code list_models} call it:
 * {@code search}, {@code author}, {@code filter} (repeatable: a tag, the library, the pipeline tag,
 * or {@code license:x}; all must hold), {@code pipeline_tag}, {@code sort} and {@code direction},
 * {@code limit}, {@code expand} (also {@code expand[]}; {@code siblings} lists the files by name,
 * {@code config}, {@code safetensors} and {@code gguf} are derived from them), {@code full}, paged
 * through {@code Link: rel="next"} with a cursor. Without {@code author} only public repositories
 * are listed; with it, what the caller may read under that namespace. The database filters, orders
 * and pages.
 */
@RestController
@Tag(name = "Hugging Face-compatible")
class HfListController {

    /** Default and largest page size, as on the Hub. */
    static final int PAGE = 30;
    static final int MAX_PAGE = RepoQuery.MAX_PAGE_SIZE;
    /** Files listed per repository with {@code expand=siblings}. */
    static final int MAX_SIBLINGS = 10_000;
    /** The fields derived from a model's files ({@link HfModelMetadata}). */
    private static final List<String> DERIVED = List.of("config", "safetensors", "gguf");

    private final RepoService repos;
    private final RepoFiles files;
    private final HfRepos hf;
    private final HfModelMetadata metadata;

    HfListController(RepoService repos, RepoFiles files, HfRepos hf, HfModelMetadata metadata) {
        this.repos = repos;
        this.files = files;
        this.hf = hf;
        this.metadata = metadata;
    }

    @Operation(summary = "Search repositories",
            description = "sort: lastModified (default), createdAt, id, downloads (last 30 days), likes,"
                    + " trending_score (likes and downloads of the last 7 days); direction -1 (default: newest,"
                    + " most, Z-A) or 1.")
    @GetMapping("/api/{type:models|datasets|tools}")
    ResponseEntity<List<Map<String, Object>>> list(@PathVariable String type,
            @RequestParam(required = false) String search, @RequestParam(required = false) String author,
            @RequestParam(name = "pipeline_tag", required = false) String pipelineTag,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String direction,
            @RequestParam(required = false) Integer limit,
            @RequestParam(name = HfLinks.CURSOR, required = false) String cursor,
            @AuthenticationPrincipal HubUser user, HttpServletRequest request) {
        RepoKind kind = HfRepos.kind(type).orElseThrow();
        int size = Math.max(1, Math.min(limit == null ? PAGE : limit, MAX_PAGE));
        // The cursor is an offset, a multiple of the page size: the database pages by page number.
        int offset = HfLinks.offset(cursor) / size * size;
        String license = null;
        List<String> tags = new ArrayList<>();
        for (String filter : HfParams.all(request, "filter")) {
            for (String one : filter.split(",")) {
                if (one.isBlank()) {
                    continue;
                }
                if (one.strip().toLowerCase(Locale.ROOT).startsWith("license:")) {
                    license = one.strip().substring("license:".length());
                } else {
                    tags.add(one);
                }
            }
        }
        if (tags.size() > RepoFilter.MAX_TAGS) {
            throw HfError.badRequest("At most " + RepoFilter.MAX_TAGS + " filter values per request; got "
                    + tags.size() + ".");
        }
        RepoFilter.Order order = order(sort);
        boolean ascending = direction == null ? order == RepoFilter.Order.NAME : direction.strip().equals("1");
        RepoFilter filter = new RepoFilter(kind, search, author, tags, license, pipelineTag, order, ascending);
        Page<Repo> page = repos.search(filter, hf.account(user), offset / size, size);
        var response = ResponseEntity.ok();
        if (page.hasNext()) {
            response.header("Link", HfLinks.next(request, offset + size));
        }
        List<String> expand = HfParams.all(request, "expand");
        // list_models(full=True) asks for every field, files included; expand still narrows.
        boolean full = HfTreeController.isTrue(full(request));
        return response.body(page.getContent().stream()
                .map(r -> HfShapes.expand(shape(r, expand, full), expand)).toList());
    }

    private static String full(HttpServletRequest request) {
        return HfParams.one(request, "full");
    }

    /**
     * A listed repository; what needs its files (siblings, and the metadata derived from them) is
     * read only when asked for, at the default branch's tip.
     */
    private Map<String, Object> shape(Repo repo, List<String> expand, boolean full) {
        Map<String, Object> json = HfShapes.repo(repo);
        boolean siblings = full || expand.contains("siblings");
        boolean derived = repo.kind() == RepoKind.MODEL && (full || DERIVED.stream().anyMatch(expand::contains));
        if (!siblings && !derived) {
            return json;
        }
        Optional<ResolvedRevision> tip = files.resolve(repo, repo.defaultBranch());
        if (siblings) {
            // By name only, as the Hub lists them: no blob is read.
            json.put("siblings", tip.map(at -> files.filePaths(repo, at, MAX_SIBLINGS).paths().stream()
                    .map(HfShapes::sibling).toList()).orElse(List.of()));
        }
        if (derived && tip.isPresent()) {
            json.putAll(metadata.of(repo, tip.get()));
        }
        return json;
    }

    private static RepoFilter.Order order(String sort) {
        if (sort == null) {
            return RepoFilter.Order.UPDATED;
        }
        return switch (sort.strip()) {
            case "id", "name", "modelId" -> RepoFilter.Order.NAME;
            case "createdAt", "created_at" -> RepoFilter.Order.CREATED;
            case "downloads" -> RepoFilter.Order.DOWNLOADS;
            case "likes" -> RepoFilter.Order.LIKES;
            case "trending_score", "trendingScore", "trending" -> RepoFilter.Order.TRENDING;
            default -> RepoFilter.Order.UPDATED;
        };
    }
}
