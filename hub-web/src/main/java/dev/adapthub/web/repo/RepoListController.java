package dev.adapthub.web.repo;

import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoQuery;
import dev.adapthub.core.repo.RepoService;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /models}, {@code /datasets} (tools: the Tool Center in {@code web.tools}): public repositories with search, filters, sorting and pages. */
@Controller
class RepoListController {

    private final RepoService repos;

    RepoListController(RepoService repos) {
        this.repos = repos;
    }

    @GetMapping("/models")
    String models(@RequestParam(required = false) String q, @RequestParam(required = false) String tag,
            @RequestParam(required = false) String chip, @RequestParam(required = false) String license,
            @RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") String page, Model model) {
        return list(RepoKind.MODEL, q, tag, chip, license, sort, page, model);
    }

    @GetMapping("/datasets")
    String datasets(@RequestParam(required = false) String q, @RequestParam(required = false) String tag,
            @RequestParam(required = false) String chip, @RequestParam(required = false) String license,
            @RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") String page, Model model) {
        return list(RepoKind.DATASET, q, tag, chip, license, sort, page, model);
    }

    private String list(RepoKind kind, String q, String tag, String chip, String license, String sort, String page,
            Model model) {
        RepoQuery query = new RepoQuery(kind, q, tag, chip, license, RepoQuery.Sort.parse(sort), pageNumber(page), 30);
        Page<Repo> results = repos.search(query);
        model.addAttribute("kind", kind);
        model.addAttribute("query", query);
        model.addAttribute("results", results);
        return "repos/list";
    }

    /** A junk page number shows the first page rather than an error: it is a navigation aid, not data. */
    private static int pageNumber(String page) {
        try {
            return Math.min(Math.max(0, Integer.parseInt(page.strip())), 10_000);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
