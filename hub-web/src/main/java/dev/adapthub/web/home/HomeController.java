package dev.adapthub.web.home;

import dev.adapthub.core.chip.ChipCenter;
import dev.adapthub.core.org.OrganizationService;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoQuery;
import dev.adapthub.core.repo.RepoService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page: recent models and tools, the chips the hub simulates, organizations. */
@Controller
class HomeController {

    static final int SHOWN = 8;

    private final OrganizationService organizations;
    private final RepoService repos;
    private final ChipCenter chips;

    HomeController(OrganizationService organizations, RepoService repos, ChipCenter chips) {
        this.organizations = organizations;
        this.repos = repos;
        this.chips = chips;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("models", repos.search(latest(RepoKind.MODEL)).getContent());
        model.addAttribute("tools", repos.search(latest(RepoKind.TOOL)).getContent());
        model.addAttribute("datasets", repos.search(latest(RepoKind.DATASET)).getContent());
        model.addAttribute("chips", chips.chips());
        model.addAttribute("organizations", organizations.all());
        return "home/index";
    }

    private static RepoQuery latest(RepoKind kind) {
        return new RepoQuery(kind, null, null, null, null, RepoQuery.Sort.UPDATED, 0, SHOWN);
    }
}
