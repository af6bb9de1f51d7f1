package dev.adapthub.web.search;

import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.search.SearchRequest;
import dev.adapthub.core.search.SearchResults;
import dev.adapthub.core.search.SearchService;
import dev.adapthub.web.error.ClientErrorLog;
import dev.adapthub.web.repo.CurrentAccount;
import dev.adapthub.web.security.HubUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * {@code /search}: results with facets; {@code /search/suggest}: what the header's box offers as one types
 * (JSON, on the page chain so a signed-in reader's private repositories are offered too). A query the hub
 * refuses (too long, an unknown kind or order) comes back on the page with the typed text kept and the
 * reason beside the box, as 400.
 */
@Controller
class SearchController {

    private final SearchService search;
    private final CurrentAccount current;

    SearchController(SearchService search, CurrentAccount current) {
        this.search = search;
        this.current = current;
    }

    @GetMapping("/search")
    String results(@RequestParam(name = "q", required = false) String q,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String family,
            @RequestParam(required = false) String vendor, @RequestParam(required = false) String engine,
            @RequestParam(required = false) String license, @RequestParam(required = false) String task,
            @RequestParam(required = false) String validated, @RequestParam(required = false) String sort,
            @RequestParam(required = false, defaultValue = "0") String page, @AuthenticationPrincipal HubUser user,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        String typed = q == null ? "" : q;
        model.addAttribute("q", typed);
        try {
            SearchRequest query = new SearchRequest(typed, SearchRequest.kind(kind), family, vendor, engine, license,
                    task, "true".equals(validated), SearchRequest.sort(sort), page(page));
            model.addAttribute("query", query);
            if (query.isEmpty()) {
                model.addAttribute("hint", true);
                return "search/results";
            }
            SearchResults results = search.search(query, current.of(user));
            model.addAttribute("results", results);
            model.addAttribute("links", new SearchLinks(query));
        } catch (InvalidInputException e) {
            response.setStatus(400);
            ClientErrorLog.log(request, 400, e.getMessage());
            model.addAttribute("error", e.getMessage());
        }
        return "search/results";
    }

    @GetMapping(path = "/search/suggest", produces = "application/json")
    @ResponseBody
    ResponseEntity<List<SearchService.Suggestion>> suggest(@RequestParam(name = "q", required = false) String q,
            @AuthenticationPrincipal HubUser user) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(search.suggest(q, current.of(user)));
    }

    private static int page(String page) {
        if (!page.matches("\\d{1,5}")) {
            throw new InvalidInputException("page", "Page '" + (page.length() > 20 ? page.substring(0, 20) + "…" : page)
                    + "' is not a page number; pages count from 0.");
        }
        return Integer.parseInt(page);
    }
}
