package dev.adapthub.web.webhook;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.common.ForbiddenException;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.common.NotFoundException;
import dev.adapthub.core.org.OrganizationService;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.webhook.Delivery;
import dev.adapthub.core.webhook.NewWebhook;
import dev.adapthub.core.webhook.Webhook;
import dev.adapthub.core.webhook.WebhookEvents;
import dev.adapthub.core.webhook.WebhookService;
import dev.adapthub.web.account.FormErrors;
import dev.adapthub.web.browse.TimeFormat;
import dev.adapthub.web.error.ClientErrorLog;
import dev.adapthub.web.error.HubStatus;
import dev.adapthub.web.repo.CurrentAccount;
import dev.adapthub.web.repo.RepoRoute;
import dev.adapthub.web.security.HubUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Webhook pages of repositories ({@code …/settings/hooks}, maintainers) and organizations
 * ({@code /organizations/{org}/hooks}, owners): the list with the form to add one (its secret is
 * shown once, on the answer to that form), and a hook's page with the enable switch, deletion and
 * the delivery log with every attempt and a "redeliver" button.
 */
@Controller
class WebhookController {

    private static final String M = "/{owner}/{name}/settings/hooks";
    private static final String D = "/datasets/{owner}/{name}/settings/hooks";
    private static final String T = "/tools/{owner}/{name}/settings/hooks";
    private static final String O = "/organizations/{org}/hooks";

    private final WebhookService hooks;
    private final RepoService repos;
    private final OrganizationService organizations;
    private final CurrentAccount current;

    WebhookController(WebhookService hooks, RepoService repos, OrganizationService organizations,
            CurrentAccount current) {
        this.hooks = hooks;
        this.repos = repos;
        this.organizations = organizations;
        this.current = current;
    }

    @GetMapping({M, D, T, O})
    String list(@PathVariable Map<String, String> path, @AuthenticationPrincipal HubUser user,
            HttpServletRequest request, Model model) {
        Account viewer = signedIn(user);
        return listPage(model, place(path, request, viewer), viewer, new FormErrors(), null);
    }

    @PostMapping({M, D, T, O})
    String create(@PathVariable Map<String, String> path, @RequestParam(required = false) String url,
            @RequestParam(name = "events", required = false) List<String> events,
            @AuthenticationPrincipal HubUser user, HttpServletRequest request, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        Account actor = signedIn(user);
        HookPlace place = place(path, request, actor);
        try {
            NewWebhook created = place.create(hooks, actor, url, events);
            // Post/redirect/get: the secret rides in the session once, so a reload neither resubmits nor shows it.
            redirect.addFlashAttribute("createdUrl", created.webhook().url());
            redirect.addFlashAttribute("createdSecret", created.secret());
            return "redirect:" + place.base();
        } catch (InvalidInputException e) {
            response.setStatus(HubStatus.of(e).value());
            ClientErrorLog.log(request, response.getStatus(), e.getMessage());
            return listPage(model, place, actor, FormErrors.of(e), url);
        }
    }

    @GetMapping({M + "/{hook}", D + "/{hook}", T + "/{hook}", O + "/{hook}"})
    String show(@PathVariable Map<String, String> path, @AuthenticationPrincipal HubUser user,
            HttpServletRequest request, Model model) {
        Account viewer = signedIn(user);
        HookPlace place = place(path, request, viewer);
        Webhook hook = hook(place, viewer, path);
        List<Delivery> deliveries = hooks.deliveries(viewer, hook.id());
        Map<Long, Object> attempts = new LinkedHashMap<>();
        for (Delivery delivery : deliveries) {
            attempts.put(delivery.id(), hooks.attempts(viewer, hook.id(), delivery.id()));
        }
        model.addAttribute("place", place);
        model.addAttribute("hook", hook);
        model.addAttribute("deliveries", deliveries);
        model.addAttribute("attempts", attempts);
        model.addAttribute("fmt", TimeFormat.UTC);
        return "hooks/show";
    }

    @PostMapping({M + "/{hook}/active", D + "/{hook}/active", T + "/{hook}/active", O + "/{hook}/active"})
    String active(@PathVariable Map<String, String> path, @RequestParam(defaultValue = "false") boolean active,
            @AuthenticationPrincipal HubUser user, HttpServletRequest request) {
        Account actor = signedIn(user);
        HookPlace place = place(path, request, actor);
        Webhook hook = hooks.setActive(actor, hook(place, actor, path).id(), active);
        return "redirect:" + place.base() + "/" + hook.id();
    }

    @PostMapping({M + "/{hook}/delete", D + "/{hook}/delete", T + "/{hook}/delete", O + "/{hook}/delete"})
    String delete(@PathVariable Map<String, String> path, @AuthenticationPrincipal HubUser user,
            HttpServletRequest request) {
        Account actor = signedIn(user);
        HookPlace place = place(path, request, actor);
        hooks.delete(actor, hook(place, actor, path).id());
        return "redirect:" + place.base();
    }

    @PostMapping({M + "/{hook}/deliveries/{delivery}/redeliver", D + "/{hook}/deliveries/{delivery}/redeliver",
            T + "/{hook}/deliveries/{delivery}/redeliver", O + "/{hook}/deliveries/{delivery}/redeliver"})
    String redeliver(@PathVariable Map<String, String> path, @AuthenticationPrincipal HubUser user,
            HttpServletRequest request) {
        Account actor = signedIn(user);
        HookPlace place = place(path, request, actor);
        Webhook hook = hook(place, actor, path);
        hooks.redeliver(actor, hook.id(), id(path.get("delivery"), "delivery"));
        return "redirect:" + place.base() + "/" + hook.id();
    }

    private String listPage(Model model, HookPlace place, Account viewer, FormErrors errors, String typedUrl) {
        model.addAttribute("place", place);
        model.addAttribute("hooks", place.hooks(hooks, viewer));
        model.addAttribute("allEvents", WebhookEvents.ALL);
        model.addAttribute("errors", errors);
        model.addAttribute("typedUrl", typedUrl);
        return "hooks/list";
    }

    private HookPlace place(Map<String, String> path, HttpServletRequest request, Account viewer) {
        if (path.containsKey("org")) {
            return HookPlace.of(organizations.getByName(path.get("org")));
        }
        return HookPlace.of(repos.get(RepoRoute.kindOf(request), path.get("owner"), path.get("name"), viewer));
    }

    private Webhook hook(HookPlace place, Account viewer, Map<String, String> path) {
        long id = id(path.get("hook"), "hook");
        Webhook hook = hooks.get(viewer, id);
        if (!place.holds(hook)) {
            throw new NotFoundException("No webhook " + id + " in " + place.title() + ".");
        }
        return hook;
    }

    private static long id(String text, String field) {
        if (text == null || !text.matches("[1-9][0-9]{0,17}")) {
            throw new InvalidInputException(field, "'" + text + "' is not a " + field + " number.");
        }
        return Long.parseLong(text);
    }

    private Account signedIn(HubUser user) {
        Account account = current.of(user);
        if (account == null) {
            throw new ForbiddenException("Sign in to manage webhooks.");
        }
        return account;
    }
}
