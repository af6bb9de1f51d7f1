package dev.adapthub.web.pull;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.common.ConflictException;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.common.NotFoundException;
import dev.adapthub.core.pull.NewPullRequest;
import dev.adapthub.core.pull.PullRequest;
import dev.adapthub.core.pull.PullRequestService;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.git.read.ResolvedRevision;
import dev.adapthub.git.write.Content;
import dev.adapthub.git.write.FileChange;
import dev.adapthub.web.account.FormErrors;
import dev.adapthub.web.error.HubStatus;
import dev.adapthub.web.repo.BrowserUploads;
import dev.adapthub.web.repo.EditedText;
import dev.adapthub.web.security.HubUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * "Propose a change" for anyone who can read a repository: edit (or create) a text file, or
 * upload files, and the hub opens a pull request with the change on {@code refs/pr/{n}}. The
 * form carries the target commit it started from, so the diff is exactly what was edited.
 */
@Controller
class ProposeController {

    static final int MAX_EDIT_BYTES = 1024 * 1024;
    private static final String M = PullPagesController.M;
    private static final String D = PullPagesController.D;
    private static final String T = PullPagesController.T;

    /** The proposal form: the file, the target branch and commit, and the PR's title and text. */
    record ProposeForm(String branch, String path, String base, String content, String title, String description,
            String message, Boolean existing) {
    }

    private final PullContext context;
    private final PullRequestService pulls;
    private final RepoFiles files;
    private final BrowserUploads browserUploads;

    ProposeController(PullContext context, PullRequestService pulls, RepoFiles files, BrowserUploads browserUploads) {
        this.browserUploads = browserUploads;
        this.context = context;
        this.pulls = pulls;
        this.files = files;
    }

    @GetMapping({M + "/propose", D + "/propose", T + "/propose"})
    String form(@PathVariable String owner, @PathVariable String name, @RequestParam(required = false) String branch,
            @RequestParam(required = false) String path, @AuthenticationPrincipal HubUser user,
            HttpServletRequest request, Model model) {
        Repo repo = context.repo(request, owner, name, user);
        context.actor(user);
        String target = branch == null || branch.isBlank() ? repo.defaultBranch() : branch;
        ResolvedRevision at = files.resolve(repo, target).orElseThrow(() -> new InvalidInputException("branch",
                "The branch '" + target + "' has no commits yet."));
        String content = "";
        boolean existing = path != null && !path.isBlank();
        if (existing) {
            content = files.readText(repo, at, path, MAX_EDIT_BYTES).orElseThrow(() -> new InvalidInputException(
                    "path", "Only text files up to 1 MiB can be edited in the browser; use git for '" + path + "'."));
        }
        String title = existing ? "Update " + path : "";
        return page(model, repo, new ProposeForm(target, existing ? path : "", at.commitId().name(), content, title,
                "", existing ? "Update " + path : "", existing), new FormErrors());
    }

    @PostMapping({M + "/propose", D + "/propose", T + "/propose"})
    String propose(@PathVariable String owner, @PathVariable String name, ProposeForm form,
            @AuthenticationPrincipal HubUser user, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        Repo repo = context.repo(request, owner, name, user);
        Account actor = context.actor(user);
        try {
            byte[] bytes = lineEndings(repo, form).getBytes(StandardCharsets.UTF_8);
            if (bytes.length > MAX_EDIT_BYTES) {
                throw new InvalidInputException("content", "The browser editor takes up to 1 MiB; use git for more.");
            }
            if (form.path() == null || form.path().isBlank()) {
                throw new InvalidInputException("path", "Name the file, e.g. adaptations/ascend-910b3-vllm-ascend.yaml.");
            }
            String message = form.message() == null || form.message().isBlank() ? form.title() : form.message();
            PullRequest pr = pulls.openWithChanges(actor, repo, new NewPullRequest(form.title(), form.description(),
                    form.branch(), false, List.of()), baseOf(form.base()), message,
                    List.of(new FileChange.Put(form.path().strip(), Content.of(bytes))));
            return "redirect:/" + repo.urlPath() + "/pulls/" + pr.number();
        } catch (InvalidInputException | ConflictException e) {
            response.setStatus(HubStatus.of(e).value());
            return page(model, repo, form, FormErrors.of(e));
        }
    }

    @GetMapping({M + "/propose-upload", D + "/propose-upload", T + "/propose-upload"})
    String uploadForm(@PathVariable String owner, @PathVariable String name, @AuthenticationPrincipal HubUser user,
            HttpServletRequest request, Model model) {
        Repo repo = context.repo(request, owner, name, user);
        context.actor(user);
        return uploadPage(model, repo, repo.defaultBranch(), "", "", "", new FormErrors());
    }

    @PostMapping({M + "/propose-upload", D + "/propose-upload", T + "/propose-upload"})
    String upload(@PathVariable String owner, @PathVariable String name, @RequestParam(required = false) String branch,
            @RequestParam(required = false) String folder, @RequestParam(required = false) String title,
            @RequestParam(required = false) String description,
            @RequestParam(name = "files", required = false) List<MultipartFile> uploads,
            @RequestParam(name = "paths", required = false) List<String> paths,
            @AuthenticationPrincipal HubUser user, HttpServletRequest request, HttpServletResponse response,
            Model model) throws IOException {
        Repo repo = context.repo(request, owner, name, user);
        Account actor = context.actor(user);
        try {
            List<FileChange> changes = browserUploads.prepare(repo, folder, uploads, paths).changes();
            NewPullRequest proposal = new NewPullRequest(title, description, branch, false, List.of());
            PullRequest pr = pulls.openWithChanges(actor, repo, proposal, null, proposal.title(), changes);
            return "redirect:/" + repo.urlPath() + "/pulls/" + pr.number();
        } catch (InvalidInputException | ConflictException e) {
            response.setStatus(HubStatus.of(e).value());
            return uploadPage(model, repo, branch, folder, title, description, FormErrors.of(e));
        }
    }

    /**
     * Browsers send a textarea's lines ending in CRLF; keep the file's own line endings, LF unless
     * the file being edited has CRLF, so the diff shows only what was edited.
     */
    private String lineEndings(Repo repo, ProposeForm form) {
        Optional<String> original = Optional.empty();
        if (form.content() != null && form.content().contains("\r\n") && form.path() != null
                && !form.path().isBlank() && ObjectId.isId(form.base())) {
            try {
                original = files.resolve(repo, form.base()).flatMap(at -> files.readText(repo, at, form.path().strip(),
                        MAX_EDIT_BYTES));
            } catch (NotFoundException | InvalidInputException unknownBase) {
                // openWithChanges reports the base the form lost
            }
        }
        return EditedText.keepLineEndings(form.content(), original);
    }

    private static String page(Model model, Repo repo, ProposeForm form, FormErrors errors) {
        PullPagesController.header(model, repo);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "pulls/propose";
    }

    private static String uploadPage(Model model, Repo repo, String branch, String folder, String title,
            String description, FormErrors errors) {
        PullPagesController.header(model, repo);
        model.addAttribute("branch", branch == null ? repo.defaultBranch() : branch);
        model.addAttribute("folder", folder == null ? "" : folder);
        model.addAttribute("title", title == null ? "" : title);
        model.addAttribute("description", description == null ? "" : description);
        model.addAttribute("errors", errors);
        return "pulls/propose-upload";
    }

    private static ObjectId baseOf(String base) {
        if (base == null || !ObjectId.isId(base)) {
            throw new InvalidInputException("base", "The form lost the commit it was based on; open it again.");
        }
        return ObjectId.fromString(base);
    }
}
