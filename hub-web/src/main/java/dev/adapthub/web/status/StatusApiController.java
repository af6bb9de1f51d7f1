package dev.adapthub.web.status;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.common.ForbiddenException;
import dev.adapthub.core.common.HubException;
import dev.adapthub.core.status.Incident;
import dev.adapthub.core.status.Incidents;
import dev.adapthub.web.error.ClientErrorLog;
import dev.adapthub.web.error.HubStatus;
import dev.adapthub.web.repo.CurrentAccount;
import dev.adapthub.web.security.HubUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The status as JSON for everyone ({@code GET /api/status}, {@code /api/status/incidents[/{id}]}), and
 * incidents for automation, with an administrator's token: {@code POST /api/status/incidents}
 * ({@code {title, severity, components, body}}), {@code POST /api/status/maintenance}
 * ({@code {title, components, body, start, end}}) and {@code POST /api/status/incidents/{id}/updates}
 * ({@code {status, body}}). Errors are JSON {@code {"error", "field"}}.
 */
@RestController
class StatusApiController {

    private final Incidents incidents;
    private final CurrentAccount current;
    private final StatusView view;

    StatusApiController(Incidents incidents, CurrentAccount current, StatusView view) {
        this.incidents = incidents;
        this.current = current;
        this.view = view;
    }

    @GetMapping(value = "/api/status", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> status() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(StatusView.json(view.page()));
    }

    @GetMapping(value = "/api/status/incidents", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> list(@RequestParam(defaultValue = "0") int page) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ongoing", incidents.ongoing().stream().map(StatusView::incident).toList());
        json.put("upcoming", incidents.upcoming().stream().map(StatusView::incident).toList());
        json.put("past", incidents.history(Math.max(0, page), 20).stream().map(StatusView::incident).toList());
        return json;
    }

    @GetMapping(value = "/api/status/incidents/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> one(@PathVariable long id) {
        return StatusView.incident(incidents.get(id));
    }

    record OpenRequest(String title, String severity, List<String> components, String body) {
    }

    record MaintenanceRequest(String title, List<String> components, String body, String start, String end) {
    }

    record UpdateRequest(String status, String body) {
    }

    @PostMapping("/api/status/incidents")
    ResponseEntity<Map<String, Object>> open(@AuthenticationPrincipal HubUser user, @RequestBody OpenRequest request) {
        Incident incident = incidents.open(admin(user), new Incidents.Draft(request.title(),
                IncidentAdminController.parseSeverity(request.severity()), request.components(), request.body(), null,
                null));
        return ResponseEntity.status(HttpStatus.CREATED).body(StatusView.incident(incident));
    }

    @PostMapping("/api/status/maintenance")
    ResponseEntity<Map<String, Object>> maintenance(@AuthenticationPrincipal HubUser user,
            @RequestBody MaintenanceRequest request) {
        Incident incident = incidents.scheduleMaintenance(admin(user), new Incidents.Draft(request.title(), null,
                request.components(), request.body(), IncidentAdminController.parseTime("start", request.start()),
                IncidentAdminController.parseTime("plannedEnd", request.end())));
        return ResponseEntity.status(HttpStatus.CREATED).body(StatusView.incident(incident));
    }

    @PostMapping("/api/status/incidents/{id}/updates")
    Map<String, Object> update(@AuthenticationPrincipal HubUser user, @PathVariable long id,
            @RequestBody UpdateRequest request) {
        return StatusView.incident(incidents.update(admin(user), id,
                IncidentAdminController.parseStatus(request.status()), request.body()));
    }

    private Account admin(HubUser user) {
        Account account = current.of(user);
        if (account == null) {
            throw new Unauthenticated();
        }
        if (!account.isAdmin()) {
            throw new ForbiddenException("Only administrators manage incidents.");
        }
        return account;
    }

    static final class Unauthenticated extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @ExceptionHandler(HubException.class)
    ResponseEntity<Map<String, Object>> refused(HubException e, HttpServletRequest request) {
        return error(request, HubStatus.of(e), e.getMessage(), e.field());
    }

    @ExceptionHandler(Unauthenticated.class)
    ResponseEntity<Map<String, Object>> unauthenticated(HttpServletRequest request) {
        return error(request, HttpStatus.UNAUTHORIZED, "Send an administrator's token (Authorization: Bearer …).", null);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpServletRequest request) {
        return error(request, HttpStatus.BAD_REQUEST, "The request body is not valid JSON of the expected shape.",
                "body");
    }

    private static ResponseEntity<Map<String, Object>> error(HttpServletRequest request, HttpStatus status,
            String message, String field) {
        ClientErrorLog.log(request, status.value(), message);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        if (field != null) {
            body.put("field", field);
        }
        return ResponseEntity.status(status).body(body);
    }
}
