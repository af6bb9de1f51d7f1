package dev.adapthub.web.people;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.notification.Notification;
import dev.adapthub.core.notification.NotificationService;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.web.repo.CurrentAccount;
import dev.adapthub.web.security.HubUser;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /notifications}: the signed-in person's notifications, newest first, with "mark as read". */
@Controller
class NotificationsController {

    /**
     * One line of the page.
     *
     * @param repo the repository's name, or null when the viewer may no longer read it (then the
     *             subject and link are withheld too)
     */
    record Line(Notification notification, String repo, String subject, String link) {
    }

    private final NotificationService notifications;
    private final RepoService repos;
    private final CurrentAccount current;

    NotificationsController(NotificationService notifications, RepoService repos, CurrentAccount current) {
        this.notifications = notifications;
        this.repos = repos;
        this.current = current;
    }

    @GetMapping("/notifications")
    String list(@AuthenticationPrincipal HubUser user, @RequestParam(required = false) Integer page, Model model,
            HttpServletResponse response) {
        if (user == null) {
            return "redirect:/login";
        }
        if (page != null && page < 0) {
            throw new InvalidInputException("page", "page counts from 0; " + page + " is below it.");
        }
        Account viewer = current.of(user);
        Page<Notification> found = notifications.page(viewer.id(), page == null ? 0 : page);
        List<Line> lines = found.getContent().stream().map(n -> line(n, viewer)).toList();
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("lines", lines);
        model.addAttribute("page", found);
        model.addAttribute("unread", notifications.unread(viewer.id()));
        return "notifications/list";
    }

    @PostMapping("/notifications/{id}/read")
    String markRead(@AuthenticationPrincipal HubUser user, @PathVariable long id,
            @RequestParam(required = false) Integer page) {
        if (user == null) {
            return "redirect:/login";
        }
        notifications.markRead(user.accountId(), id);
        return "redirect:/notifications" + (page == null || page == 0 ? "" : "?page=" + page);
    }

    @PostMapping("/notifications/read-all")
    String markAllRead(@AuthenticationPrincipal HubUser user) {
        if (user == null) {
            return "redirect:/login";
        }
        notifications.markAllRead(user.accountId());
        return "redirect:/notifications";
    }

    private Line line(Notification n, Account viewer) {
        if (!notifications.stillReadable(n, viewer)) {
            return new Line(n, null, null, null);
        }
        String repo = n.repositoryId() == null ? "" : repos.findById(n.repositoryId()).map(r -> r.fullName())
                .orElse("");
        return new Line(n, repo, n.subject(), n.link());
    }
}
