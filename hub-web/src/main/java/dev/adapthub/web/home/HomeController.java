package dev.adapthub.web.home;

import dev.adapthub.core.org.OrganizationService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page: what the hub holds. */
@Controller
class HomeController {

    private final OrganizationService organizations;

    HomeController(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("organizations", organizations.all());
        return "home/index";
    }
}
