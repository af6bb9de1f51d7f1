package dev.adapthub.web.pull;

import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.pull.PullEdits;
import dev.adapthub.core.pull.PullRequestService;
import dev.adapthub.web.security.HubUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Changing a pull request after it was opened: editing its title, description and labels,
 * requesting a reviewer, commenting on a line of "Files changed", and the Markdown preview the
 * text boxes fetch with htmx. Refused input shows the page again with the reason and what was
 * typed; someone who may not edit gets a 403 page saying who may.
 */
@Controller
class PullEditController {

    private static final String M = PullPagesController.M + "/pulls";
    private static final String D = PullPagesController.D + "/pulls";
    private static final String T = PullPagesController.T + "/pulls";

    /** The edit form as typed, shown again when it is refused. */
    record EditForm(String title, String description, String labels) {
    }

    private final PullContext context;
    private final PullEdits edits;
    private final PullViews views;
    private final PullActionsController actions;

    PullEditController(PullContext context, PullEdits edits, PullViews views, PullActionsController actions) {
        this.context = context;
        this.edits = edits;
        this.views = views;
        this.actions = actions;
    }

    @PostMapping({M + "/{number}/edit", D + "/{number}/edit", T + "/{number}/edit"})
    String edit(@PathVariable String owner, @PathVariable String name, @PathVariable String number, EditForm form,
            @AuthenticationPrincipal HubUser user, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        model.addAttribute("editForm", form);
        return actions.act(owner, name, number, user, request, response, model, "conversation", "editError",
                (repo, actor, n) -> edits.edit(actor, repo, n, form.title(), form.description(),
                        PullPagesController.labels(form.labels())));
    }

    @PostMapping({M + "/{number}/reviewers", D + "/{number}/reviewers", T + "/{number}/reviewers"})
    String requestReview(@PathVariable String owner, @PathVariable String name, @PathVariable String number,
            @RequestParam(required = false) String reviewer, @AuthenticationPrincipal HubUser user,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("reviewerName", reviewer);
        return actions.act(owner, name, number, user, request, response, model, "conversation", "reviewerError",
                (repo, actor, n) -> edits.requestReview(actor, repo, n, reviewer));
    }

    @PostMapping({M + "/{number}/line-comment", D + "/{number}/line-comment", T + "/{number}/line-comment"})
    String commentOnLine(@PathVariable String owner, @PathVariable String name, @PathVariable String number,
            @RequestParam(required = false) String commit, @RequestParam(required = false) String path,
            @RequestParam(required = false) String line, @RequestParam(required = false) String body,
            @AuthenticationPrincipal HubUser user, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        model.addAttribute("lineCommentBody", body);
        return actions.act(owner, name, number, user, request, response, model, "files", "lineCommentError",
                (repo, actor, n) -> edits.commentOnLine(actor, repo, n, commit, path, lineOf(line), body));
    }

    /** The Markdown of a text box rendered and sanitized as the page will show it (an htmx fragment). */
    @PostMapping({M + "/preview", D + "/preview", T + "/preview"})
    String preview(@PathVariable String owner, @PathVariable String name,
            @RequestParam(required = false) String body, @RequestParam(required = false) String description,
            @AuthenticationPrincipal HubUser user, HttpServletRequest request, Model model) {
        context.repo(request, owner, name, user);
        String text = body != null ? body : description;
        if (text != null && text.length() > PullRequestService.MAX_COMMENT) {
            throw new InvalidInputException("body", "Text over " + PullRequestService.MAX_COMMENT
                    + " characters is not previewed.");
        }
        model.addAttribute("previewHtml", views.html(text));
        return "pulls/preview :: preview";
    }

    private static Integer lineOf(String text) {
        if (text == null || !text.strip().matches("[0-9]{1,9}")) {
            throw new InvalidInputException("line", "Click a line of the diff to comment on it.");
        }
        return Integer.valueOf(text.strip());
    }
}
