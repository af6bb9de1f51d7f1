package dev.adapthub.web.status;

import dev.adapthub.core.status.Incident;
import dev.adapthub.core.status.Incidents;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The public status page ({@code /status}), an incident's page, past incidents and the Atom feed
 * ({@code /status/feed.atom}); the JSON is {@link StatusApiController}'s.
 * Nobody needs to sign in; nothing here names a repository or an account other than incident authors.
 */
@Controller
class StatusController {

    private final StatusView view;
    private final Incidents incidents;

    StatusController(StatusView view, Incidents incidents) {
        this.view = view;
        this.incidents = incidents;
    }

    @GetMapping("/status")
    String page(Model model) {
        model.addAttribute("page", view.page());
        return "status/status";
    }

    @GetMapping("/status/incidents/{id}")
    String incident(@PathVariable long id, Model model) {
        model.addAttribute("incident", incidents.get(id));
        return "status/incident";
    }

    @GetMapping("/status/history")
    String history(@RequestParam(defaultValue = "0") int page, Model model) {
        int p = Math.max(0, page);
        model.addAttribute("incidents", incidents.history(p, 20));
        model.addAttribute("pageNumber", p);
        return "status/history";
    }

    @GetMapping(value = "/status/feed.atom", produces = "application/atom+xml;charset=UTF-8")
    @ResponseBody
    String feed(HttpServletRequest request) {
        String base = request.getScheme() + "://" + request.getServerName()
                + (request.getServerPort() == 80 || request.getServerPort() == 443 ? "" : ":" + request.getServerPort())
                + request.getContextPath();
        return AtomFeed.of(base, incidents.recent(90, 50));
    }

    static String severityClass(Incident incident) {
        return "sev-" + incident.severity().label();
    }
}
