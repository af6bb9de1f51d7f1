package dev.adapthub.web.repo;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.common.ConflictException;
import dev.adapthub.core.common.ForbiddenException;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.org.OrganizationService;
import dev.adapthub.core.popularity.Likes;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoPermission;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.card.ParsedReadme;
import dev.adapthub.core.repo.card.RepoCards;
import dev.adapthub.core.repo.card.RepoCard;
import dev.adapthub.core.repo.content.GitObjectCache;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.git.read.TreeEntry;
import dev.adapthub.git.read.TreePage;
import dev.adapthub.git.read.ResolvedRevision;
import dev.adapthub.web.account.FormErrors;
import dev.adapthub.web.error.HubStatus;
import dev.adapthub.core.adaptation.AdaptationIndex;
import dev.adapthub.web.http.PageEtag;
import dev.adapthub.web.layout.OpenGraph;
import dev.adapthub.web.markdown.MarkdownRenderer;
import dev.adapthub.web.security.HubUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Creating a repository, its front page, and its settings (rename, delete). */
@Controller
class RepoController {

    static final int MAX_README = 1024 * 1024;
    /** Root entries the front page lists; the Files tab pages through the rest. */
    static final int ROOT_ENTRIES = 1_000;

    record NewRepoForm(String type, String owner, String name, String visibility) {
    }

    /** The README blob and the link bases its HTML was rendered with. */
    private record ReadmeKey(long repo, ObjectId blob, String blobBase, String rawBase) {
    }

    private record RenderedReadme(RepoCard card, String html, String description) {
    }

    /** Weighed in 4 KiB of HTML: about 16 MB at most. */
    private final GitObjectCache<ReadmeKey, RenderedReadme> readmes =
            new GitObjectCache<>(4_000, r -> 1 + r.html().length() / 4096);
    private final RepoService repos;
    private final RepoFiles files;
    private final OrganizationService organizations;
    private final CurrentAccount current;
    private final MarkdownRenderer markdown;
    private final AdaptationIndex adaptations;
    private final Likes likes;

    RepoController(RepoService repos, RepoFiles files, OrganizationService organizations, CurrentAccount current,
            MarkdownRenderer markdown, AdaptationIndex adaptations, Likes likes) {
        this.likes = likes;
        this.adaptations = adaptations;
        this.repos = repos;
        this.files = files;
        this.organizations = organizations;
        this.current = current;
        this.markdown = markdown;
    }

    @GetMapping("/new")
    String form(@AuthenticationPrincipal HubUser user, Model model) {
        if (user == null) {
            return "redirect:/login";
        }
        return formPage(user, model, new NewRepoForm("model", user.getUsername(), "", "public"), new FormErrors());
    }

    @PostMapping("/new")
    String create(@AuthenticationPrincipal HubUser user, NewRepoForm form, Model model, HttpServletResponse response) {
        if (user == null) {
            return "redirect:/login";
        }
        try {
            RepoKind kind = RepoKind.fromApiName(form.type())
                    .orElseThrow(() -> new InvalidInputException("type", "Choose a type: model, dataset or tool."));
            Repo repo = repos.create(current.of(user),
                    new NewRepo(kind, form.owner(), form.name(), "private".equals(form.visibility())));
            return "redirect:/" + repo.urlPath();
        } catch (InvalidInputException | ConflictException | ForbiddenException e) {
            response.setStatus(HubStatus.of(e).value());
            return formPage(user, model, form, FormErrors.of(e));
        }
    }

    private String formPage(HubUser user, Model model, NewRepoForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("owners", organizations.organizationsOf(user.accountId()));
        return "repos/new";
    }

    @GetMapping({"/{owner}/{name}", "/datasets/{owner}/{name}", "/tools/{owner}/{name}"})
    String home(@PathVariable String owner, @PathVariable String name, @AuthenticationPrincipal HubUser user,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Account viewer = current.of(user);
        RepoKind kind = RepoRoute.kindOf(request);
        Optional<Repo> found = repos.find(kind, owner, name, viewer);
        if (found.isEmpty()) {
            Optional<Repo> moved = repos.findRenamed(kind, owner, name, viewer);
            if (moved.isPresent()) {
                return "redirect:/" + moved.get().urlPath();
            }
        }
        Repo repo = found.orElseGet(() -> repos.get(kind, owner, name, viewer));
        RepoPermission permission = repos.permission(repo, viewer);
        Optional<ResolvedRevision> head = files.resolve(repo, repo.defaultBranch());
        // Beyond the commit, the page shows the model's validated configs (they change with the
        // index, not the commit), its likes and downloads, whether the viewer likes it (another reader's
        // unlike can keep the count) and a tool's versions (tags move without the default branch).
        if (PageEtag.answered(request, response, head.map(h -> h.commitId().name()).orElse("empty"),
                repo.id(), repo.urlPath(), repo.updatedAt(), permission, adaptations.generation(),
                repo.popularity(), likes.liked(repo, viewer),
                repo.kind() == RepoKind.TOOL && head.isPresent() ? files.tags(repo) : List.of())) {
            return null;
        }
        model.addAttribute("repo", repo);
        model.addAttribute("permission", permission);
        model.addAttribute("cloneUrl", ServletUriComponentsBuilder.fromContextPath(request)
                .path("/" + repo.urlPath() + ".git").build().toUriString());
        model.addAttribute("empty", head.isEmpty());
        if (head.isPresent()) {
            ResolvedRevision at = head.get();
            model.addAttribute("head", at);
            model.addAttribute("lastCommit", files.commit(repo, at));
            TreePage tree = files.page(repo, at, "", 0, ROOT_ENTRIES);
            model.addAttribute("tree", tree);
            RenderedReadme readme = readme(repo, at, tree);
            model.addAttribute("card", readme.card());
            // The link preview's description is the README's first paragraph, kept with the rendered card.
            model.addAttribute("openGraph", new OpenGraph(repo.fullName() + " · AdaptHub", readme.description(), "website",
                    ServletUriComponentsBuilder.fromContextPath(request).path("/" + repo.urlPath()).build().toUriString()));
            model.addAttribute("readmeHtml", readme.html());
        }
        return "repos/home";
    }

    /**
     * The card and sanitized HTML of the README at {@code at}, rendered once per README blob (and
     * link base): parsing, rendering and sanitizing it on every view was a sixth of a repository page.
     */
    private RenderedReadme readme(Repo repo, ResolvedRevision at, TreePage tree) {
        Optional<TreeEntry> file = tree.entries().stream().filter(e -> e.name().equals("README.md")).findFirst();
        if (file.isEmpty() && tree.hasMore()) {
            file = files.entry(repo, at, "README.md");
        }
        file = file.filter(e -> e.kind() == TreeEntry.Kind.FILE);
        if (file.isEmpty()) {
            return new RenderedReadme(RepoCard.EMPTY, "", "");
        }
        String rev = repo.defaultBranch();
        ReadmeKey key = new ReadmeKey(repo.id(), file.get().id(), "/" + repo.urlPath() + "/blob/" + rev + "/",
                "/" + repo.urlPath() + "/resolve/" + rev + "/");
        return readmes.get(key, k -> {
            ParsedReadme parsed = RepoCards.parse(files.readText(repo, at, "README.md", MAX_README).orElse(null));
            return new RenderedReadme(parsed.card(), markdown.render(parsed.markdown(), k.blobBase(), k.rawBase()),
                    OpenGraph.ofMarkdown("", parsed.markdown(), "").description());
        });
    }

    @GetMapping({"/{owner}/{name}/settings", "/datasets/{owner}/{name}/settings", "/tools/{owner}/{name}/settings"})
    String settings(@PathVariable String owner, @PathVariable String name, @AuthenticationPrincipal HubUser user,
            HttpServletRequest request, Model model) {
        Account viewer = current.of(user);
        Repo repo = repos.get(RepoRoute.kindOf(request), owner, name, viewer);
        repos.require(repo, viewer, RepoPermission.ADMIN);
        model.addAttribute("repo", repo);
        model.addAttribute("errors", new FormErrors());
        return "repos/settings";
    }

    @PostMapping({"/{owner}/{name}/settings/rename", "/datasets/{owner}/{name}/settings/rename",
            "/tools/{owner}/{name}/settings/rename"})
    String rename(@PathVariable String owner, @PathVariable String name, String newName,
            @AuthenticationPrincipal HubUser user, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        Account viewer = current.of(user);
        Repo repo = repos.get(RepoRoute.kindOf(request), owner, name, viewer);
        try {
            return "redirect:/" + repos.rename(viewer, repo, newName).urlPath();
        } catch (InvalidInputException | ConflictException e) {
            response.setStatus(HubStatus.of(e).value());
            model.addAttribute("repo", repo);
            model.addAttribute("errors", FormErrors.of(e));
            return "repos/settings";
        }
    }

    @PostMapping({"/{owner}/{name}/settings/delete", "/datasets/{owner}/{name}/settings/delete",
            "/tools/{owner}/{name}/settings/delete"})
    String delete(@PathVariable String owner, @PathVariable String name, String confirmation,
            @AuthenticationPrincipal HubUser user, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        Account viewer = current.of(user);
        Repo repo = repos.get(RepoRoute.kindOf(request), owner, name, viewer);
        try {
            repos.delete(viewer, repo, confirmation);
            return "redirect:/" + repo.owner() + "?deleted";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("repo", repo);
            model.addAttribute("errors", FormErrors.of(e));
            return "repos/settings";
        }
    }
}
