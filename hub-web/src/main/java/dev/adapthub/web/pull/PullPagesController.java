package dev.adapthub.web.pull;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.account.AccountService;
import dev.adapthub.core.common.ConflictException;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.pull.NewPullRequest;
import dev.adapthub.core.pull.PullCounts;
import dev.adapthub.core.pull.PullDiffs;
import dev.adapthub.core.pull.PullEdits;
import dev.adapthub.core.pull.PullMerges;
import dev.adapthub.core.pull.PullRequest;
import dev.adapthub.core.pull.PullRequestService;
import dev.adapthub.core.pull.PullState;
import dev.adapthub.core.pull.check.CheckRuns;
import dev.adapthub.core.pull.protection.BranchProtections;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoPermission;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.git.read.DiffLimits;
import dev.adapthub.git.read.DiffResult;
import dev.adapthub.web.account.FormErrors;
import dev.adapthub.web.browse.RepoLinks;
import dev.adapthub.web.browse.TimeFormat;
import dev.adapthub.web.error.HubStatus;
import dev.adapthub.web.http.PageEtag;
import dev.adapthub.web.layout.PageSlice;
import dev.adapthub.web.security.HubUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pull request pages: the list ({@code /{repo}/pulls}, filtered by state, author and label),
 * opening one from a pushed branch, and one PR with its tabs (conversation, commits, files
 * changed, checks). The checks and merge box is also served alone, for the page to poll while
 * checks run.
 */
@Controller
class PullPagesController {

    static final String M = "/{owner}/{name}";
    static final String D = "/datasets/{owner}/{name}";
    static final String T = "/tools/{owner}/{name}";
    static final int PAGE_SIZE = 30;
    static final List<String> TABS = List.of("conversation", "commits", "files", "checks");

    /** The form to open a PR from a branch. */
    record BranchForm(String source, String target, String title, String description, Boolean draft, String labels) {
    }

    private final PullContext context;
    private final PullRequestService pulls;
    private final PullMerges merges;
    private final PullDiffs diffs;
    private final CheckRuns checks;
    private final BranchProtections protections;
    private final PullViews views;
    private final RepoService repos;
    private final RepoFiles files;
    private final AccountService accounts;
    private final PullEdits edits;

    PullPagesController(PullContext context, PullRequestService pulls, PullMerges merges, PullDiffs diffs,
            CheckRuns checks, BranchProtections protections, PullViews views, RepoService repos, RepoFiles files,
            AccountService accounts, PullEdits edits) {
        this.edits = edits;
        this.context = context;
        this.pulls = pulls;
        this.merges = merges;
        this.diffs = diffs;
        this.checks = checks;
        this.protections = protections;
        this.views = views;
        this.repos = repos;
        this.files = files;
        this.accounts = accounts;
    }

    @GetMapping({M + "/pulls", D + "/pulls", T + "/pulls"})
    String list(@PathVariable String owner, @PathVariable String name, @RequestParam(required = false) String state,
            @RequestParam(required = false) String author, @RequestParam(required = false) String label,
            @RequestParam(required = false) Integer page,
            @AuthenticationPrincipal HubUser user, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        Repo repo = context.repo(request, owner, name, user);
        String chosen = state == null || state.isBlank() ? "open" : state.strip().toLowerCase(Locale.ROOT);
        PullState filter = switch (chosen) {
            case "open" -> PullState.OPEN;
            case "merged" -> PullState.MERGED;
            case "closed" -> PullState.CLOSED;
            case "all" -> null;
            default -> throw new InvalidInputException("state", "state is open, merged, closed or all.");
        };
        Long authorId = null;
        if (author != null && !author.isBlank()) {
            authorId = accounts.findByName(author.strip()).map(a -> a.id().value()).orElse(-1L);
        }
        header(model, repo);
        model.addAttribute("state", chosen);
        model.addAttribute("author", author == null ? "" : author);
        model.addAttribute("label", label == null ? "" : label);
        PageSlice<PullRequest> slice = PageSlice.of(pulls.list(repo, filter, authorId, label), page, PAGE_SIZE);
        List<PullViews.Row> rows = views.rows(slice.items());
        PullCounts counts = pulls.counts(repo);
        Account viewer = context.viewer(user);
        // The page is made of these rows (every change to what a row shows moves its updated_at) and
        // counts: with them unchanged, the page rendered before is sent again (RenderedPages).
        if (PageEtag.answered(request, response, repo.id(), repo.urlPath(), repo.updatedAt(),
                repos.permission(repo, viewer), slice.number(), slice.totalPages(), counts,
                rows.stream().map(r -> r.pr().number() + "@" + r.pr().updatedAt() + " " + r.author()).toList())) {
            return null;
        }
        model.addAttribute("slice", slice);
        model.addAttribute("rows", rows);
        model.addAttribute("openCount", counts.open());
        model.addAttribute("mergedCount", counts.merged());
        model.addAttribute("closedCount", counts.closed());
        model.addAttribute("signedIn", viewer != null);
        return "pulls/list";
    }

    @GetMapping({M + "/pulls/new", D + "/pulls/new", T + "/pulls/new"})
    String newForm(@PathVariable String owner, @PathVariable String name,
            @RequestParam(required = false) String source, @AuthenticationPrincipal HubUser user,
            HttpServletRequest request, Model model) {
        Repo repo = context.repo(request, owner, name, user);
        repos.require(repo, context.actor(user), RepoPermission.WRITE);
        String from = source == null ? "" : source;
        return newPage(model, repo, new BranchForm(from, repo.defaultBranch(), from, "", false, ""), new FormErrors());
    }

    @PostMapping({M + "/pulls", D + "/pulls", T + "/pulls"})
    String create(@PathVariable String owner, @PathVariable String name, BranchForm form,
            @AuthenticationPrincipal HubUser user, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        Repo repo = context.repo(request, owner, name, user);
        Account actor = context.actor(user);
        try {
            PullRequest pr = pulls.openFromBranch(actor, repo, form.source(), new NewPullRequest(form.title(),
                    form.description(), form.target(), Boolean.TRUE.equals(form.draft()), labels(form.labels())));
            return "redirect:/" + repo.urlPath() + "/pulls/" + pr.number();
        } catch (InvalidInputException | ConflictException e) {
            response.setStatus(HubStatus.of(e).value());
            return newPage(model, repo, form, FormErrors.of(e));
        }
    }

    static List<String> labels(String text) {
        return text == null ? List.of() : Arrays.stream(text.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    private String newPage(Model model, Repo repo, BranchForm form, FormErrors errors) {
        header(model, repo);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("branches", files.branches(repo));
        return "pulls/new";
    }

    @GetMapping({M + "/pulls/{number}", D + "/pulls/{number}", T + "/pulls/{number}"})
    String show(@PathVariable String owner, @PathVariable String name, @PathVariable String number,
            @RequestParam(required = false) String tab, @AuthenticationPrincipal HubUser user,
            HttpServletRequest request, Model model) {
        Repo repo = context.repo(request, owner, name, user);
        PullRequest pr = pulls.get(repo, PullContext.number(number));
        return render(model, repo, pr, tab, user);
    }

    /** The PR page on {@code tab} (null: conversation), also after a form on it failed. */
    String render(Model model, Repo repo, PullRequest pr, String tab, HubUser user) {
        String chosen = tab == null || tab.isBlank() ? "conversation" : tab;
        if (!TABS.contains(chosen)) {
            throw new InvalidInputException("tab", "tab is one of " + String.join(", ", TABS) + ".");
        }
        status(model, repo, pr, user);
        model.addAttribute("view", chosen);
        model.addAttribute("descriptionHtml", views.html(pr.description()));
        switch (chosen) {
            case "conversation" -> {
                model.addAttribute("entries", views.timeline(repo, pr));
                model.addAttribute("reviewers", edits.reviewers(pr));
            }
            case "commits" -> model.addAttribute("commits", diffs.commits(repo, pr));
            case "files" -> {
                DiffResult diff = diffs.diff(repo, pr, DiffLimits.DEFAULTS);
                model.addAttribute("diff", diff);
                model.addAttribute("fileViews", views.files(repo, pr, diff));
            }
            default -> model.addAttribute("history", checks.history(pr));
        }
        return "pulls/show";
    }

    /** The checks and merge box alone; the page polls it while checks run. */
    @GetMapping({M + "/pulls/{number}/status", D + "/pulls/{number}/status", T + "/pulls/{number}/status"})
    String status(@PathVariable String owner, @PathVariable String name, @PathVariable String number,
            @AuthenticationPrincipal HubUser user, HttpServletRequest request, Model model) {
        Repo repo = context.repo(request, owner, name, user);
        PullRequest pr = pulls.get(repo, PullContext.number(number));
        status(model, repo, pr, user);
        return "pulls/status :: status";
    }

    private void status(Model model, Repo repo, PullRequest pr, HubUser user) {
        Account viewer = context.viewer(user);
        RepoPermission permission = viewer == null ? RepoPermission.NONE : repos.permission(repo, viewer);
        header(model, repo);
        model.addAttribute("pr", pr);
        model.addAttribute("author", pulls.name(pr.authorId()).orElse("ghost"));
        model.addAttribute("mergedBy", pr.mergedBy() == null ? null
                : pulls.name(pr.mergedBy()).orElse("ghost"));
        model.addAttribute("gate", merges.gate(viewer, repo, pr));
        model.addAttribute("checks", checks.summary(pr));
        model.addAttribute("methods", protections.options(repo).mergeMethods());
        model.addAttribute("signedIn", viewer != null);
        model.addAttribute("canModerate", viewer != null && (viewer.id().value() == pr.authorId()
                || permission.allows(RepoPermission.WRITE)));
        model.addAttribute("isMaintainer", permission.allows(RepoPermission.MAINTAIN));
        model.addAttribute("isAuthor", viewer != null && viewer.id().value() == pr.authorId());
        model.addAttribute("mayEdit", edits.mayEdit(viewer, repo, pr));
    }

    static void header(Model model, Repo repo) {
        model.addAttribute("repo", repo);
        model.addAttribute("links", new RepoLinks(repo));
        model.addAttribute("rev", repo.defaultBranch());
        model.addAttribute("tab", "pulls");
        model.addAttribute("fmt", TimeFormat.UTC);
    }
}
