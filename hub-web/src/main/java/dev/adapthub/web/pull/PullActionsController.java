package dev.adapthub.web.pull;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.common.ConflictException;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.pull.MergeBlockedException;
import dev.adapthub.core.pull.PullMerges;
import dev.adapthub.core.pull.PullRequest;
import dev.adapthub.core.pull.PullRequestService;
import dev.adapthub.core.pull.ReviewVerdict;
import dev.adapthub.core.pull.check.CheckRuns;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.git.merge.MergeMethod;
import dev.adapthub.web.error.HubStatus;
import dev.adapthub.web.security.HubUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The forms on a pull request page: comment, review, close, reopen, ready for review, merge and
 * re-run checks. A refused action shows the page again with the reason and the matching status
 * (422 invalid, 409 conflict or blocked merge); a forbidden one is a 403 page.
 */
@Controller
class PullActionsController {

    private static final String M = PullPagesController.M + "/pulls/{number}/";
    private static final String D = PullPagesController.D + "/pulls/{number}/";
    private static final String T = PullPagesController.T + "/pulls/{number}/";

    private final PullContext context;
    private final PullRequestService pulls;
    private final PullMerges merges;
    private final CheckRuns checks;
    private final PullPagesController pages;

    PullActionsController(PullContext context, PullRequestService pulls, PullMerges merges, CheckRuns checks,
            PullPagesController pages) {
        this.context = context;
        this.pulls = pulls;
        this.merges = merges;
        this.checks = checks;
        this.pages = pages;
    }

    @PostMapping({M + "comment", D + "comment", T + "comment"})
    String comment(@PathVariable String owner, @PathVariable String name, @PathVariable String number,
            @RequestParam(required = false) String body, @AuthenticationPrincipal HubUser user,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        return act(owner, name, number, user, request, response, model, "conversation",
                (repo, actor, n) -> pulls.comment(actor, repo, n, body));
    }

    @PostMapping({M + "review", D + "review", T + "review"})
    String review(@PathVariable String owner, @PathVariable String name, @PathVariable String number,
            @RequestParam(required = false) String verdict, @RequestParam(required = false) String body,
            @AuthenticationPrincipal HubUser user, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        return act(owner, name, number, user, request, response, model, "conversation",
                (repo, actor, n) -> pulls.review(actor, repo, n, verdictOf(verdict), body));
    }

    @PostMapping({M + "close", D + "close", T + "close"})
    String close(@PathVariable String owner, @PathVariable String name, @PathVariable String number,
            @AuthenticationPrincipal HubUser user, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        return act(owner, name, number, user, request, response, model, "conversation",
                (repo, actor, n) -> pulls.close(actor, repo, n));
    }

    @PostMapping({M + "reopen", D + "reopen", T + "reopen"})
    String reopen(@PathVariable String owner, @PathVariable String name, @PathVariable String number,
            @AuthenticationPrincipal HubUser user, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        return act(owner, name, number, user, request, response, model, "conversation",
                (repo, actor, n) -> pulls.reopen(actor, repo, n));
    }

    @PostMapping({M + "ready", D + "ready", T + "ready"})
    String ready(@PathVariable String owner, @PathVariable String name, @PathVariable String number,
            @AuthenticationPrincipal HubUser user, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        return act(owner, name, number, user, request, response, model, "conversation",
                (repo, actor, n) -> pulls.markReady(actor, repo, n));
    }

    @PostMapping({M + "merge", D + "merge", T + "merge"})
    String merge(@PathVariable String owner, @PathVariable String name, @PathVariable String number,
            @RequestParam(required = false) String method, @RequestParam(required = false) String message,
            @AuthenticationPrincipal HubUser user, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        return act(owner, name, number, user, request, response, model, "conversation",
                (repo, actor, n) -> merges.merge(actor, repo, n, methodOf(method), message));
    }

    @PostMapping({M + "rerun", D + "rerun", T + "rerun"})
    String rerun(@PathVariable String owner, @PathVariable String name, @PathVariable String number,
            @AuthenticationPrincipal HubUser user, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        return act(owner, name, number, user, request, response, model, "checks",
                (repo, actor, n) -> checks.rerun(actor, repo, pulls.get(repo, n)));
    }

    @FunctionalInterface
    interface Action {
        void run(Repo repo, Account actor, long number);
    }

    private String act(String owner, String name, String number, HubUser user, HttpServletRequest request,
            HttpServletResponse response, Model model, String tab, Action action) {
        return act(owner, name, number, user, request, response, model, tab, "actionError", action);
    }

    /**
     * Runs {@code action} on the PR and goes back to its {@code tab}; a refusal shows the tab again
     * with the reason in the model attribute {@code errorName} and the matching status.
     */
    String act(String owner, String name, String number, HubUser user, HttpServletRequest request,
            HttpServletResponse response, Model model, String tab, String errorName, Action action) {
        Repo repo = context.repo(request, owner, name, user);
        long n = PullContext.number(number);
        PullRequest pr = pulls.get(repo, n);
        Account actor = context.actor(user);
        try {
            action.run(repo, actor, n);
            return "redirect:/" + repo.urlPath() + "/pulls/" + n + ("conversation".equals(tab) ? "" : "?tab=" + tab);
        } catch (InvalidInputException | ConflictException e) {
            response.setStatus(HubStatus.of(e).value());
            model.addAttribute(errorName, e.getMessage());
            if (e instanceof MergeBlockedException blocked) {
                model.addAttribute("conflicts", blocked.conflicts());
            }
            return pages.render(model, repo, pulls.get(repo, pr.number()), tab, user);
        }
    }

    static ReviewVerdict verdictOf(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return ReviewVerdict.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("verdict", "verdict is approve, request_changes or comment.");
        }
    }

    static MergeMethod methodOf(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return MergeMethod.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("method", "method is merge_commit, squash or fast_forward_only.");
        }
    }
}
