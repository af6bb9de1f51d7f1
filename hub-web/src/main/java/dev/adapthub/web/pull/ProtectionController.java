package dev.adapthub.web.pull;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.common.ConflictException;
import dev.adapthub.core.common.HubException;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.common.NotFoundException;
import dev.adapthub.core.pull.protection.BranchProtections;
import dev.adapthub.core.pull.protection.ProtectionRule;
import dev.adapthub.core.pull.protection.PullOptions;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoPermission;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.git.merge.MergeMethod;
import dev.adapthub.web.account.FormErrors;
import dev.adapthub.web.error.HubStatus;
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

/** Branch protection rules and pull request options of a repository; maintainers only. */
@Controller
class ProtectionController {

    private static final String M = PullPagesController.M + "/settings/pulls";
    private static final String D = PullPagesController.D + "/settings/pulls";
    private static final String T = PullPagesController.T + "/settings/pulls";

    /** One rule as the form sends it. */
    record RuleForm(String pattern, Integer requiredApprovals, Boolean requireChecks, Boolean blockOnRequestedChanges,
            Boolean dismissStaleApprovals, String mergePermission, String pushPermission) {

        ProtectionRule rule() {
            return new ProtectionRule(pattern == null ? null : pattern.strip(),
                    requiredApprovals == null ? -1 : requiredApprovals, Boolean.TRUE.equals(requireChecks),
                    Boolean.TRUE.equals(blockOnRequestedChanges), Boolean.TRUE.equals(dismissStaleApprovals), permission("mergePermission", mergePermission),
                    permission("pushPermission", pushPermission));
        }

        private static RepoPermission permission(String field, String text) {
            try {
                return RepoPermission.valueOf(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(field, "Choose write, maintain or admin.");
            }
        }
    }

    private final PullContext context;
    private final BranchProtections protections;
    private final RepoService repos;

    ProtectionController(PullContext context, BranchProtections protections, RepoService repos) {
        this.context = context;
        this.protections = protections;
        this.repos = repos;
    }

    private Repo maintained(HttpServletRequest request, String owner, String name, HubUser user) {
        Repo repo = context.repo(request, owner, name, user);
        repos.require(repo, context.actor(user), RepoPermission.MAINTAIN);
        return repo;
    }

    @GetMapping({M, D, T})
    String page(@PathVariable String owner, @PathVariable String name, @AuthenticationPrincipal HubUser user,
            HttpServletRequest request, Model model) {
        return page(model, maintained(request, owner, name, user), new FormErrors());
    }

    @PostMapping({M + "/rules", D + "/rules", T + "/rules"})
    String saveRule(@PathVariable String owner, @PathVariable String name, RuleForm form,
            @AuthenticationPrincipal HubUser user, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        Repo repo = maintained(request, owner, name, user);
        Account actor = context.actor(user);
        return change(repo, response, model, () -> protections.save(actor, repo, form.rule()));
    }

    @PostMapping({M + "/rules/delete", D + "/rules/delete", T + "/rules/delete"})
    String deleteRule(@PathVariable String owner, @PathVariable String name, @RequestParam String pattern,
            @AuthenticationPrincipal HubUser user, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        Repo repo = maintained(request, owner, name, user);
        Account actor = context.actor(user);
        return change(repo, response, model, () -> protections.remove(actor, repo, pattern));
    }

    @PostMapping({M + "/options", D + "/options", T + "/options"})
    String saveOptions(@PathVariable String owner, @PathVariable String name,
            @RequestParam(name = "methods", required = false) List<String> methods,
            @RequestParam(required = false) String extraChips, @AuthenticationPrincipal HubUser user,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Repo repo = maintained(request, owner, name, user);
        Account actor = context.actor(user);
        return change(repo, response, model, () -> protections.saveOptions(actor, repo, new PullOptions(
                (methods == null ? List.<String>of() : methods).stream()
                        .map(PullActionsController::methodOf).toList(),
                extraChips == null ? List.of() : Arrays.asList(extraChips.split("[,\\s]+")))));
    }

    private String change(Repo repo, HttpServletResponse response, Model model, Runnable action) {
        try {
            action.run();
            return "redirect:/" + repo.urlPath() + "/settings/pulls";
        } catch (InvalidInputException | ConflictException | NotFoundException e) {
            response.setStatus(HubStatus.of((HubException) e).value());
            return page(model, repo, FormErrors.of(e));
        }
    }

    private String page(Model model, Repo repo, FormErrors errors) {
        PullPagesController.header(model, repo);
        model.addAttribute("rules", protections.rules(repo));
        model.addAttribute("options", protections.options(repo));
        model.addAttribute("allMethods", List.of(MergeMethod.values()));
        model.addAttribute("errors", errors);
        return "pulls/settings";
    }
}
