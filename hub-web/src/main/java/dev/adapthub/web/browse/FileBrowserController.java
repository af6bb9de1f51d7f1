package dev.adapthub.web.browse;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoPermission;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.git.read.BlobContent;
import dev.adapthub.git.read.TreeEntry;
import dev.adapthub.web.markdown.MarkdownRenderer;
import dev.adapthub.web.repo.CurrentAccount;
import dev.adapthub.web.security.HubUser;
import dev.adapthub.web.http.PageEtag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Folder listings ({@code /{repo}/tree/{rev}/{path}}) and file pages ({@code /{repo}/blob/{rev}/{path}})
 * at any branch, tag or commit. File content is escaped by Thymeleaf; only Markdown goes through the
 * sanitizing {@link MarkdownRenderer}.
 */
@Controller
class FileBrowserController {

    /** Entries on one page of a folder: a 20,000-file folder is paged, not rendered whole. */
    static final int PAGE_ENTRIES = 1_000;
    /** Past any folder Git can hold in practice; keeps the offset within an int. */
    static final int MAX_PAGE = 1_000_000;

    /** Larger text files are offered as a raw download only: rendering them would stall the page. */
    static final int MAX_VIEW_BYTES = 1024 * 1024;

    private final RepoLocator locator;
    private final RepoFiles files;
    private final CurrentAccount current;
    private final MarkdownRenderer markdown;
    private final RepoService repos;

    FileBrowserController(RepoLocator locator, RepoFiles files, CurrentAccount current, MarkdownRenderer markdown,
            RepoService repos) {
        this.repos = repos;
        this.locator = locator;
        this.files = files;
        this.current = current;
        this.markdown = markdown;
    }

    @GetMapping({"/{owner}/{name}/tree/**", "/datasets/{owner}/{name}/tree/**", "/tools/{owner}/{name}/tree/**"})
    String tree(@PathVariable String owner, @PathVariable String name, @AuthenticationPrincipal HubUser user,
            @RequestParam(defaultValue = "0") int page, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        Account viewer = current.of(user);
        Repo repo = locator.repo(request, owner, name, viewer);
        Located at = locator.locate(repo, RepoLocator.rest(request), 0);
        if (answered(request, response, repo, at, viewer, page)) {
            return null;
        }
        int pageNumber = Math.min(Math.max(0, page), MAX_PAGE);
        model.addAttribute("listing", files.page(repo, at.at(), at.path(), pageNumber * PAGE_ENTRIES, PAGE_ENTRIES));
        model.addAttribute("pageNumber", pageNumber);
        addCommon(model, at, "files");
        return "browse/tree";
    }

    @GetMapping({"/{owner}/{name}/blob/**", "/datasets/{owner}/{name}/blob/**", "/tools/{owner}/{name}/blob/**"})
    String blob(@PathVariable String owner, @PathVariable String name, @AuthenticationPrincipal HubUser user,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Account viewer = current.of(user);
        Repo repo = locator.repo(request, owner, name, viewer);
        Located at = locator.locate(repo, RepoLocator.rest(request), 1);
        if (answered(request, response, repo, at, viewer)) {
            return null;
        }
        BlobContent blob = files.open(repo, at.at(), at.path());
        TreeEntry entry = blob.entry();
        addCommon(model, at, "files");
        model.addAttribute("entry", entry);
        String view = entry.lfs().isPresent() ? "lfs"
                : blob.binary() ? "binary"
                : blob.size() > MAX_VIEW_BYTES ? "large"
                : isMarkdown(entry.name()) ? "markdown" : "text";
        model.addAttribute("view", view);
        // Text files on a branch (not a tag or a bare commit) can be edited by writers.
        String ref = at.at().refName();
        model.addAttribute("canEdit", (view.equals("text") || view.equals("markdown")) && ref != null
                && ref.startsWith("refs/heads/") && repos.permission(repo, viewer).allows(RepoPermission.WRITE));
        if (view.equals("text")) {
            model.addAttribute("lines", lines(read(blob)));
        } else if (view.equals("markdown")) {
            RepoLinks links = new RepoLinks(repo);
            String folder = entry.path().contains("/") ? entry.path().substring(0, entry.path().lastIndexOf('/') + 1) : "";
            model.addAttribute("html", markdown.render(read(blob),
                    links.blob(at.revision(), folder) + (folder.isEmpty() ? "/" : ""),
                    links.resolve(at.revision(), folder) + (folder.isEmpty() ? "/" : "")));
        }
        return "browse/blob";
    }

    /** The page is the commit's content at a path, shaped by the repository's settings and the viewer's rights. */
    private boolean answered(HttpServletRequest request, HttpServletResponse response, Repo repo, Located at,
            Account viewer, Object... more) {
        return PageEtag.answered(request, response, at.at().commitId().name(), at.revision(), at.path(),
                repo.id(), repo.urlPath(), repo.updatedAt(), repos.permission(repo, viewer), List.of(more));
    }

    private void addCommon(Model model, Located at, String tab) {
        model.addAttribute("repo", at.repo());
        model.addAttribute("links", new RepoLinks(at.repo()));
        model.addAttribute("rev", at.revision());
        model.addAttribute("commitId", at.at().commitId().name());
        model.addAttribute("path", at.path().endsWith("/") ? at.path().substring(0, at.path().length() - 1) : at.path());
        model.addAttribute("tab", tab);
    }

    static boolean isMarkdown(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".md") || lower.endsWith(".markdown");
    }

    private static String read(BlobContent blob) {
        try (InputStream in = blob.openStream()) {
            return new String(in.readNBytes(MAX_VIEW_BYTES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + blob.entry().path(), e);
        }
    }

    static List<String> lines(String text) {
        List<String> lines = text.lines().toList();
        return lines.isEmpty() ? List.of("") : lines;
    }
}
