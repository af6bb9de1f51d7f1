package dev.adapthub.web.status;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.common.ForbiddenException;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.status.Incident;
import dev.adapthub.core.status.Incidents;
import dev.adapthub.core.status.StatusProbes;
import dev.adapthub.web.repo.CurrentAccount;
import dev.adapthub.web.security.HubUser;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Administrators open, update and resolve incidents and schedule maintenance from
 * {@code /status/admin} (forms with CSRF). Anyone else: sign in (anonymous) or 403. Refused input is a
 * 422 page naming the field, and nothing is written.
 */
@Controller
class IncidentAdminController {

    private final Incidents incidents;
    private final StatusProbes probes;
    private final CurrentAccount current;

    IncidentAdminController(Incidents incidents, StatusProbes probes, CurrentAccount current) {
        this.incidents = incidents;
        this.probes = probes;
        this.current = current;
    }

    @GetMapping("/status/admin")
    String admin(@AuthenticationPrincipal HubUser user, Model model) {
        if (user == null) {
            return "redirect:/login";
        }
        admin(user);
        model.addAttribute("components", probes.components());
        model.addAttribute("ongoing", incidents.ongoing());
        model.addAttribute("upcoming", incidents.upcoming());
        return "status/admin";
    }

    @PostMapping("/status/admin/incidents")
    String open(@AuthenticationPrincipal HubUser user, @RequestParam(required = false) String title,
            @RequestParam(required = false) String severity,
            @RequestParam(name = "components", required = false) List<String> components,
            @RequestParam(required = false) String body) {
        Incident incident = incidents.open(admin(user), new Incidents.Draft(title, parseSeverity(severity),
                components, body, null, null));
        return "redirect:/status/incidents/" + incident.id();
    }

    @PostMapping("/status/admin/maintenance")
    String maintenance(@AuthenticationPrincipal HubUser user, @RequestParam(required = false) String title,
            @RequestParam(name = "components", required = false) List<String> components,
            @RequestParam(required = false) String body, @RequestParam(required = false) String start,
            @RequestParam(required = false) String end) {
        Incident incident = incidents.scheduleMaintenance(admin(user), new Incidents.Draft(title, null, components,
                body, parseTime("start", start), parseTime("plannedEnd", end)));
        return "redirect:/status/incidents/" + incident.id();
    }

    @PostMapping("/status/admin/incidents/{id}/updates")
    String update(@AuthenticationPrincipal HubUser user, @PathVariable long id,
            @RequestParam(required = false) String status, @RequestParam(required = false) String body) {
        incidents.update(admin(user), id, parseStatus(status), body);
        return "redirect:/status/incidents/" + id;
    }

    private Account admin(HubUser user) {
        Account account = current.of(user);
        if (account == null || !account.isAdmin()) {
            throw new ForbiddenException("Only administrators manage incidents.");
        }
        return account;
    }

    static Incident.Severity parseSeverity(String value) {
        try {
            return value == null ? null : Incident.Severity.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("severity", "Severity is minor, major or critical.");
        }
    }

    static Incident.Status parseStatus(String value) {
        try {
            return value == null ? null
                    : Incident.Status.valueOf(value.strip().toUpperCase(Locale.ROOT).replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "Status is investigating, identified, monitoring or resolved"
                    + " (maintenance: scheduled, in_progress or resolved).");
        }
    }

    /** An ISO instant ({@code 2026-12-05T02:00:00Z}) or a form's local date-time, read as UTC. */
    static Instant parseTime(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new InvalidInputException(field, "Give a time as 2026-12-05T02:00 (UTC) or 2026-12-05T02:00:00Z.");
            }
        }
    }
}
