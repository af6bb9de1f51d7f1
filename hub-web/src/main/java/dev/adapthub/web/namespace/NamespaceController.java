package dev.adapthub.web.namespace;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.account.AccountService;
import dev.adapthub.core.common.NotFoundException;
import dev.adapthub.core.org.Organization;
import dev.adapthub.core.org.OrganizationService;
import dev.adapthub.core.org.Role;
import dev.adapthub.core.profile.Profile;
import dev.adapthub.core.profile.ProfileActivity;
import dev.adapthub.core.profile.ProfileService;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoFilter;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.web.layout.PageSlice;
import dev.adapthub.web.markdown.MarkdownRenderer;
import dev.adapthub.web.people.AvatarController;
import dev.adapthub.web.repo.CurrentAccount;
import dev.adapthub.web.security.HubUser;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /{name}}: the page of a user or an organization (they share one namespace): avatar, bio or
 * description, repositories, and for a user the pull requests they opened and their recent activity.
 * Everything about a repository is shown only to those who may read it.
 */
@Controller
class NamespaceController {

    static final int LISTED = 20;
    /** Repositories and members per page: a namespace may hold thousands; the database cuts the page. */
    static final int PAGE_SIZE = 30;

    private final AccountService accounts;
    private final OrganizationService organizations;
    private final ProfileService profiles;
    private final ProfileActivity activity;
    private final RepoService repos;
    private final MarkdownRenderer markdown;
    private final CurrentAccount current;

    NamespaceController(AccountService accounts, OrganizationService organizations, ProfileService profiles,
            ProfileActivity activity, RepoService repos, MarkdownRenderer markdown, CurrentAccount current) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.profiles = profiles;
        this.activity = activity;
        this.repos = repos;
        this.markdown = markdown;
        this.current = current;
    }

    @GetMapping("/{name:[A-Za-z0-9][A-Za-z0-9._-]*}")
    String show(@PathVariable String name, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer members, @AuthenticationPrincipal HubUser viewer, Model model) {
        Account viewerAccount = current.of(viewer);
        Optional<Organization> organization = organizations.findByName(name);
        if (organization.isPresent()) {
            Organization org = organization.get();
            model.addAttribute("org", org);
            model.addAttribute("members", PageSlice.of(organizations.members(org.id()), members, PAGE_SIZE));
            boolean owner = viewer != null && organizations.roleOf(org.id(), viewer.accountId())
                    .filter(role -> role == Role.OWNER).isPresent();
            model.addAttribute("viewerIsOwner", owner);
            model.addAttribute("avatarUrl", AvatarController.url(org.name(), null));
            model.addAttribute("repos", reposOf(org.name(), viewerAccount, page));
            return "orgs/show";
        }
        Account account = accounts.findByName(name)
                .orElseThrow(() -> new NotFoundException("Nothing is called '" + name + "' here."));
        Optional<Profile> profile = profiles.find(account.id());
        model.addAttribute("account", account);
        model.addAttribute("organizations", organizations.organizationsOf(account.id()));
        model.addAttribute("avatarUrl", AvatarController.url(account.name(), profile.orElse(null)));
        model.addAttribute("bioHtml", profile.map(Profile::bio).map(markdown::render).orElse(""));
        model.addAttribute("isSelf", viewerAccount != null && viewerAccount.id().equals(account.id()));
        model.addAttribute("repos", reposOf(account.name(), viewerAccount, page));
        model.addAttribute("pulls", activity.pullRequests(account, viewerAccount, LISTED));
        model.addAttribute("activity", activity.recent(account, viewerAccount, LISTED));
        return "users/show";
    }

    /** A page of the namespace's repositories the viewer may read, newest first, cut in SQL. */
    private PageSlice<Repo> reposOf(String owner, Account viewer, Integer page) {
        int number = PageSlice.request(page, PAGE_SIZE).getPageNumber();
        RepoFilter filter = new RepoFilter(null, null, owner, null, null, null, RepoFilter.Order.UPDATED, false);
        return PageSlice.of(repos.search(filter, viewer, number, PAGE_SIZE));
    }
}
