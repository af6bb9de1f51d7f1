package dev.adapthub.web.hf;

import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoQuery;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.web.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/models} (and datasets, tools) as {@code listModels}/{@code list_models} call it:
 * {@code search}, {@code author}, {@code filter} (a tag), {@code sort}, {@code limit}, {@code expand}, paged
 * through {@code Link: rel="next"}. Without {@code author} only public repositories are listed;
 * with it, what the caller may read under that namespace.
 */
@RestController
@Tag(name = "Hugging Face-compatible")
class HfListController {

    private final RepoService repos;
    private final HfRepos hf;

    HfListController(RepoService repos, HfRepos hf) {
        this.repos = repos;
        this.hf = hf;
    }

    @Operation(summary = "Search repositories",
            description = "sort: lastModified (default), id; direction is accepted, newest or A-Z first.")
    @GetMapping("/api/{type:models|datasets|tools}")
    ResponseEntity<List<Map<String, Object>>> list(@PathVariable String type,
            @RequestParam(required = false) String search, @RequestParam(required = false) String author,
            @RequestParam(required = false) String filter, @RequestParam(required = false) String sort,
            @RequestParam(required = false) Integer limit,
            @RequestParam(name = HfLinks.CURSOR, required = false) String cursor,
            @RequestParam(name = "expand", required = false) List<String> expand,
            @AuthenticationPrincipal HubUser user, HttpServletRequest request) {
        RepoKind kind = HfRepos.kind(type).orElseThrow();
        int size = Math.max(1, Math.min(limit == null ? 30 : limit, RepoQuery.MAX_PAGE_SIZE));
        int offset = HfLinks.offset(cursor);
        List<Repo> found;
        boolean more;
        if (author != null && !author.isBlank()) {
            String text = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
            String tag = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
            List<Repo> all = repos.listOwnedBy(author.strip(), hf.account(user)).stream()
                    .filter(r -> r.kind() == kind)
                    .filter(r -> r.fullName().toLowerCase(Locale.ROOT).contains(text))
                    .filter(r -> tag.isEmpty() || r.summary().tags().stream().anyMatch(t -> t.equalsIgnoreCase(tag)))
                    .toList();
            found = all.subList(Math.min(offset, all.size()), Math.min(offset + size, all.size()));
            more = offset + size < all.size();
        } else {
            // The hub's search pages by page number: the cursor is a multiple of the page size.
            RepoQuery.Sort order = "id".equals(sort) || "name".equals(sort) ? RepoQuery.Sort.NAME : RepoQuery.Sort.UPDATED;
            Page<Repo> page = repos.search(new RepoQuery(kind, search, filter, null, null, order, offset / size, size));
            found = page.getContent();
            more = page.hasNext();
        }
        var response = ResponseEntity.ok();
        if (more) {
            response.header("Link", HfLinks.next(request, offset + size));
        }
        return response.body(found.stream().map(r -> HfShapes.expand(HfShapes.repo(r), expand)).toList());
    }
}
