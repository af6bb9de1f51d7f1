package dev.adapthub.web.org;

import dev.adapthub.core.common.ConflictException;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.org.NewOrganization;
import dev.adapthub.core.org.Organization;
import dev.adapthub.core.org.OrganizationService;
import dev.adapthub.core.org.Role;
import dev.adapthub.web.account.FormErrors;
import dev.adapthub.web.error.HubStatus;
import dev.adapthub.web.security.HubUser;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Creating organizations and managing their members. Profile pages live in the namespace feature. */
@Controller
class OrganizationController {

    record OrganizationForm(String name, String displayName, String description) {
    }

    record MemberForm(String member, String role) {
    }

    private final OrganizationService organizations;

    OrganizationController(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @GetMapping("/organizations/new")
    String form(Model model) {
        model.addAttribute("form", new OrganizationForm("", "", ""));
        model.addAttribute("errors", new FormErrors());
        return "orgs/new";
    }

    @PostMapping("/organizations/new")
    String create(@AuthenticationPrincipal HubUser user, OrganizationForm form, Model model,
            HttpServletResponse response) {
        FormErrors errors;
        try {
            Organization created = organizations.create(user.accountId(),
                    new NewOrganization(form.name(), form.displayName(), form.description()));
            return "redirect:/" + created.name();
        } catch (InvalidInputException | ConflictException e) {
            errors = FormErrors.of(e);
            response.setStatus(HubStatus.of(e).value());
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "orgs/new";
    }

    @PostMapping("/{org}/members")
    String setMember(@AuthenticationPrincipal HubUser user, @PathVariable("org") String name, MemberForm form) {
        if (user == null) {
            return "redirect:/login";
        }
        Organization organization = organizations.getByName(name);
        organizations.setRole(organization.id(), user.accountId(), form.member(), role(form.role()));
        return "redirect:/" + organization.name();
    }

    private static Role role(String value) {
        try {
            return Role.valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("role", "Choose a role: owner, maintainer or member.");
        }
    }
}
