package dev.adapthub.web.namespace;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.account.AccountService;
import dev.adapthub.core.common.NotFoundException;
import dev.adapthub.core.org.Organization;
import dev.adapthub.core.org.OrganizationService;
import dev.adapthub.core.org.Role;
import dev.adapthub.web.security.HubUser;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** {@code /{name}}: the page of a user or an organization (they share one namespace). */
@Controller
class NamespaceController {

    private final AccountService accounts;
    private final OrganizationService organizations;

    NamespaceController(AccountService accounts, OrganizationService organizations) {
        this.accounts = accounts;
        this.organizations = organizations;
    }

    @GetMapping("/{name:[A-Za-z0-9][A-Za-z0-9._-]*}")
    String show(@PathVariable String name, @AuthenticationPrincipal HubUser viewer, Model model) {
        Optional<Organization> organization = organizations.findByName(name);
        if (organization.isPresent()) {
            Organization org = organization.get();
            model.addAttribute("org", org);
            model.addAttribute("members", organizations.members(org.id()));
            boolean owner = viewer != null && organizations.roleOf(org.id(), viewer.accountId())
                    .filter(role -> role == Role.OWNER).isPresent();
            model.addAttribute("viewerIsOwner", owner);
            return "orgs/show";
        }
        Account account = accounts.findByName(name)
                .orElseThrow(() -> new NotFoundException("Nothing is called '" + name + "' here."));
        model.addAttribute("account", account);
        model.addAttribute("organizations", organizations.organizationsOf(account.id()));
        return "users/show";
    }
}
