package dev.adapthub.web.repo;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.common.ConflictException;
import dev.adapthub.core.common.ForbiddenException;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.common.NotFoundException;
import dev.adapthub.core.common.TextFields;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoPermission;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.git.read.ResolvedRevision;
import dev.adapthub.git.write.Content;
import dev.adapthub.git.write.FileChange;
import dev.adapthub.web.account.FormErrors;
import dev.adapthub.web.error.HubStatus;
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
 * Editing a text file and uploading files from the browser, each as one commit on a branch.
 * An edit carries the commit it started from, so a branch that moved meanwhile is a conflict
 * (409), never a silent overwrite.
 */
@Controller
class EditController {

    static final int MAX_EDIT_BYTES = 1024 * 1024;
    static final int MAX_MESSAGE = 500;

    record EditForm(String branch, String path, String base, String content, String message) {
    }

    private final RepoService repos;
    private final RepoFiles files;
    private final RepoWrites writes;
    private final CurrentAccount current;
    private final BrowserUploads uploads;

    EditController(RepoService repos, RepoFiles files, RepoWrites writes, CurrentAccount current,
            BrowserUploads uploads) {
        this.uploads = uploads;
        this.repos = repos;
        this.files = files;
        this.writes = writes;
        this.current = current;
    }

    private Repo writable(String owner, String name, HubUser user, HttpServletRequest request) {
        Account viewer = current.of(user);
        Repo repo = repos.get(RepoRoute.kindOf(request), owner, name, viewer);
        if (viewer == null) {
            throw new ForbiddenException("Sign in to change files.");
        }
        repos.require(repo, viewer, RepoPermission.WRITE);
        return repo;
    }

    @GetMapping({"/{owner}/{name}/edit", "/datasets/{owner}/{name}/edit", "/tools/{owner}/{name}/edit"})
    String editForm(@PathVariable String owner, @PathVariable String name, @RequestParam String branch,
            @RequestParam String path, @AuthenticationPrincipal HubUser user, HttpServletRequest request, Model model) {
        Repo repo = writable(owner, name, user, request);
        ResolvedRevision at = files.resolve(repo, branch)
                .orElseThrow(() -> new InvalidInputException("branch", "The branch '" + branch + "' has no commits."));
        String content = files.readText(repo, at, path, MAX_EDIT_BYTES).orElseThrow(() -> new InvalidInputException(
                "path", "Only text files up to 1 MiB can be edited in the browser; use git for '" + path + "'."));
        return editPage(model, repo, new EditForm(branch, path, at.commitId().name(), content, "Update " + path),
                new FormErrors());
    }

    @PostMapping({"/{owner}/{name}/edit", "/datasets/{owner}/{name}/edit", "/tools/{owner}/{name}/edit"})
    String edit(@PathVariable String owner, @PathVariable String name, EditForm form,
            @AuthenticationPrincipal HubUser user, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        Repo repo = writable(owner, name, user, request);
        try {
            String message = TextFields.requiredLine("message", form.message(), MAX_MESSAGE);
            byte[] bytes = EditedText.keepLineEndings(form.content(), original(repo, form))
                    .getBytes(StandardCharsets.UTF_8);
            if (bytes.length > MAX_EDIT_BYTES) {
                throw new InvalidInputException("content", "The browser editor takes up to 1 MiB; use git for more.");
            }
            writes.commit(repo, current.of(user), form.branch(), baseOf(form.base()), message,
                    List.of(new FileChange.Put(form.path(), Content.of(bytes))));
            return "redirect:/" + repo.urlPath() + "/commits/" + form.branch();
        } catch (InvalidInputException | ConflictException | ForbiddenException e) {
            response.setStatus(HubStatus.of(e).value());
            return editPage(model, repo, form, FormErrors.of(e));
        }
    }

    /** The file as the edit found it, to keep its line endings; empty for a new file or an unknown base. */
    private Optional<String> original(Repo repo, EditForm form) {
        if (form.content() == null || !form.content().contains("\r\n") || !ObjectId.isId(form.base())) {
            return Optional.empty();
        }
        try {
            return files.resolve(repo, form.base()).flatMap(at -> files.readText(repo, at, form.path(), MAX_EDIT_BYTES));
        } catch (NotFoundException | InvalidInputException unknown) {
            return Optional.empty();
        }
    }

    @GetMapping({"/{owner}/{name}/upload", "/datasets/{owner}/{name}/upload", "/tools/{owner}/{name}/upload"})
    String uploadForm(@PathVariable String owner, @PathVariable String name,
            @RequestParam(required = false) String branch, @AuthenticationPrincipal HubUser user,
            HttpServletRequest request, Model model) {
        Repo repo = writable(owner, name, user, request);
        model.addAttribute("repo", repo);
        model.addAttribute("branch", branch == null || branch.isBlank() ? repo.defaultBranch() : branch);
        model.addAttribute("errors", new FormErrors());
        return "repos/upload";
    }

    @PostMapping({"/{owner}/{name}/upload", "/datasets/{owner}/{name}/upload", "/tools/{owner}/{name}/upload"})
    String upload(@PathVariable String owner, @PathVariable String name, @RequestParam String branch,
            @RequestParam(required = false) String folder, @RequestParam(required = false) String message,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(name = "paths", required = false) List<String> paths,
            @AuthenticationPrincipal HubUser user, HttpServletRequest request, HttpServletResponse response,
            Model model) throws IOException {
        Repo repo = writable(owner, name, user, request);
        try {
            String commitMessage = TextFields.requiredLine("message", message, MAX_MESSAGE);
            List<FileChange> changes = uploads.prepare(repo, folder, files, paths).changes();
            if (changes.isEmpty()) {
                throw new InvalidInputException("files", "Choose at least one file to upload.");
            }
            writes.commit(repo, current.of(user), branch, null, commitMessage, changes);
            return "redirect:/" + repo.urlPath() + "/commits/" + branch;
        } catch (InvalidInputException | ConflictException | ForbiddenException e) {
            response.setStatus(HubStatus.of(e).value());
            model.addAttribute("repo", repo);
            model.addAttribute("branch", branch);
            model.addAttribute("errors", FormErrors.of(e));
            return "repos/upload";
        }
    }

    private static String editPage(Model model, Repo repo, EditForm form, FormErrors errors) {
        model.addAttribute("repo", repo);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "repos/edit";
    }

    private static ObjectId baseOf(String base) {
        if (base == null || !ObjectId.isId(base)) {
            throw new InvalidInputException("base", "The form lost the commit it was based on; open the editor again.");
        }
        return ObjectId.fromString(base);
    }
}
