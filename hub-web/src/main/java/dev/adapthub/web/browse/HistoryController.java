package dev.adapthub.web.browse;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.git.read.CommitDetail;
import dev.adapthub.git.read.DiffLimits;
import dev.adapthub.git.read.FileDiff;
import dev.adapthub.git.read.HistoryPage;
import dev.adapthub.web.layout.PageSlice;
import dev.adapthub.web.repo.CurrentAccount;
import dev.adapthub.web.security.HubUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** History ({@code /{repo}/commits/{rev}?path=&page=}), one commit with its diff, branches and tags. */
@Controller
class HistoryController {

    static final int PAGE_SIZE = 30;
    /** Pages deeper than this would walk too much history for one request; clone instead. */
    static final int MAX_PAGE = 10_000;
    static final int REFS_PAGE = 50;

    /** A changed file and its diff split into coloured lines. */
    record FileView(FileDiff diff, List<DiffLine> lines) {
    }

    private final RepoLocator locator;
    private final RepoFiles files;
    private final CurrentAccount current;

    HistoryController(RepoLocator locator, RepoFiles files, CurrentAccount current) {
        this.locator = locator;
        this.files = files;
        this.current = current;
    }

    @GetMapping({"/{owner}/{name}/commits/**", "/datasets/{owner}/{name}/commits/**", "/tools/{owner}/{name}/commits/**"})
    String commits(@PathVariable String owner, @PathVariable String name,
            @RequestParam(required = false) String path, @RequestParam(required = false) String page,
            @AuthenticationPrincipal HubUser user, HttpServletRequest request, Model model) {
        Repo repo = locator.repo(request, owner, name, current.of(user));
        Located at = locator.revisionOnly(repo, RepoLocator.rest(request));
        int number = pageNumber(page);
        String filter = path == null ? "" : path;
        HistoryPage history = files.history(repo, at.at(), filter, (number - 1) * PAGE_SIZE, PAGE_SIZE);
        common(model, repo, at.revision(), "history");
        model.addAttribute("path", filter);
        model.addAttribute("history", history);
        model.addAttribute("page", number);
        return "browse/commits";
    }

    @GetMapping({"/{owner}/{name}/commit/{sha}", "/datasets/{owner}/{name}/commit/{sha}",
            "/tools/{owner}/{name}/commit/{sha}"})
    String commit(@PathVariable String owner, @PathVariable String name, @PathVariable String sha,
            @AuthenticationPrincipal HubUser user, HttpServletRequest request, Model model) {
        Repo repo = locator.repo(request, owner, name, current.of(user));
        if (!sha.matches("[0-9a-f]{7,40}")) {
            throw new InvalidInputException("sha", "'" + sha + "' is not a commit id; give 7 to 40 hex digits.");
        }
        Located at = locator.revisionOnly(repo, List.of(sha));
        CommitDetail detail = files.commitDetail(repo, at.at(), DiffLimits.DEFAULTS);
        common(model, repo, at.at().commitId().name(), "history");
        model.addAttribute("detail", detail);
        model.addAttribute("fileViews", detail.diff().files().stream()
                .map(f -> new FileView(f, DiffLine.parse(f.patch()))).toList());
        return "browse/commit";
    }

    @GetMapping({"/{owner}/{name}/branches", "/datasets/{owner}/{name}/branches", "/tools/{owner}/{name}/branches"})
    String branches(@PathVariable String owner, @PathVariable String name, @RequestParam(required = false) Integer page,
            @AuthenticationPrincipal HubUser user, HttpServletRequest request, Model model) {
        Repo repo = locator.repo(request, owner, name, current.of(user));
        common(model, repo, repo.defaultBranch(), "branches");
        model.addAttribute("heading", "Branches");
        refs(model, files.branches(repo), page);
        return "browse/refs";
    }

    @GetMapping({"/{owner}/{name}/tags", "/datasets/{owner}/{name}/tags", "/tools/{owner}/{name}/tags"})
    String tags(@PathVariable String owner, @PathVariable String name, @RequestParam(required = false) Integer page,
            @AuthenticationPrincipal HubUser user, HttpServletRequest request, Model model) {
        Repo repo = locator.repo(request, owner, name, current.of(user));
        common(model, repo, repo.defaultBranch(), "tags");
        model.addAttribute("heading", "Tags");
        refs(model, files.tags(repo), page);
        return "browse/refs";
    }

    private static void common(Model model, Repo repo, String rev, String tab) {
        model.addAttribute("repo", repo);
        model.addAttribute("links", new RepoLinks(repo));
        model.addAttribute("rev", rev);
        model.addAttribute("tab", tab);
        model.addAttribute("fmt", TimeFormat.UTC);
    }

    static int pageNumber(String page) {
        if (page == null || page.isBlank()) {
            return 1;
        }
        try {
            int n = Integer.parseInt(page.trim());
            if (n >= 1 && n <= MAX_PAGE) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException("page", "Page '" + page + "' is not a number from 1 to " + MAX_PAGE + ".");
    }

    /** One page of branches or tags, {@link #REFS_PAGE} to a page. */
    private static void refs(Model model, List<?> all, Integer page) {
        PageSlice<?> slice = PageSlice.of(all, page, REFS_PAGE);
        model.addAttribute("slice", slice);
        model.addAttribute("refs", slice.items());
    }
}
