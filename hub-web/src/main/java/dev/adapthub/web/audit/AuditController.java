package dev.adapthub.web.audit;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.audit.AuditEntry;
import dev.adapthub.core.audit.AuditFilter;
import dev.adapthub.core.audit.AuditLog;
import dev.adapthub.core.common.ForbiddenException;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.org.Organization;
import dev.adapthub.core.org.OrganizationService;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.web.browse.RepoLinks;
import dev.adapthub.web.browse.TimeFormat;
import dev.adapthub.web.repo.CurrentAccount;
import dev.adapthub.web.repo.RepoRoute;
import dev.adapthub.web.security.HubUser;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log pages: a repository's (settings tab, maintainers), an organization's (its owners)
 * and the whole log (administrators), each with filters and CSV/JSON export of what it shows.
 */
@Controller
class AuditController {

    private final AuditLog log;
    private final RepoService repos;
    private final OrganizationService organizations;
    private final CurrentAccount current;

    AuditController(AuditLog log, RepoService repos, OrganizationService organizations, CurrentAccount current) {
        this.log = log;
        this.repos = repos;
        this.organizations = organizations;
        this.current = current;
    }

    @GetMapping("/settings/audit")
    Object all(AuditFilters filters, @RequestParam(required = false) String format,
            @AuthenticationPrincipal HubUser user, Model model) {
        Account viewer = signedIn(user);
        model.addAttribute("scopeTitle", "AdaptHub");
        model.addAttribute("base", "/settings/audit");
        return answer(filters, format, model, f -> log.all(viewer, f), "audit-all");
    }

    @GetMapping("/organizations/{org}/audit")
    Object organization(@PathVariable String org, AuditFilters filters,
            @RequestParam(required = false) String format, @AuthenticationPrincipal HubUser user, Model model) {
        Account viewer = signedIn(user);
        Organization organization = organizations.getByName(org);
        model.addAttribute("scopeTitle", organization.name());
        model.addAttribute("base", "/organizations/" + organization.name() + "/audit");
        return answer(filters, format, model, f -> log.ofOrganization(viewer, organization, f),
                "audit-" + organization.name());
    }

    @GetMapping({"/{owner}/{name}/settings/audit", "/datasets/{owner}/{name}/settings/audit",
            "/tools/{owner}/{name}/settings/audit"})
    Object repository(@PathVariable String owner, @PathVariable String name, AuditFilters filters,
            @RequestParam(required = false) String format, @AuthenticationPrincipal HubUser user,
            HttpServletRequest request, Model model) {
        Account viewer = current.of(user);
        Repo repo = repos.get(RepoRoute.kindOf(request), owner, name, viewer);
        model.addAttribute("repo", repo);
        model.addAttribute("links", new RepoLinks(repo));
        model.addAttribute("scopeTitle", repo.fullName());
        model.addAttribute("base", "/" + repo.urlPath() + "/settings/audit");
        return answer(filters, format, model, f -> log.ofRepository(viewer, repo, f),
                "audit-" + repo.fullName().replace('/', '-'));
    }

    private Object answer(AuditFilters filters, String format, Model model,
            Function<AuditFilter, List<AuditEntry>> query, String fileName) {
        String kind = format == null ? "" : format.strip();
        if (!kind.isEmpty() && !kind.equals("csv") && !kind.equals("json")) {
            throw new InvalidInputException("format", "Export as format=csv or format=json.");
        }
        model.addAttribute("filters", filters);
        if (kind.isEmpty()) {
            List<AuditEntry> entries = query.apply(filters.parse(AuditFilter.DEFAULT_LIMIT));
            model.addAttribute("entries", entries);
            model.addAttribute("fmt", TimeFormat.UTC);
            return "hooks/audit";
        }
        List<AuditEntry> entries = query.apply(filters.parse(AuditFilter.MAX_LIMIT));
        String body = kind.equals("csv") ? AuditExport.csv(entries) : AuditExport.json(entries);
        return ResponseEntity.ok()
                .contentType(kind.equals("csv") ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                        : MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName + "." + kind).build().toString())
                .body(body);
    }

    private Account signedIn(HubUser user) {
        Account viewer = current.of(user);
        if (viewer == null) {
            throw new ForbiddenException("Sign in to see the audit log.");
        }
        return viewer;
    }
}
