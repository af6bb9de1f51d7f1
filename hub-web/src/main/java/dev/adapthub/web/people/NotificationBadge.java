package dev.adapthub.web.people;

import dev.adapthub.core.notification.NotificationService;
import org.springframework.stereotype.Component;

/**
 * The unread count in the page header, as the bean {@code notificationBadge} that
 * {@code notifications/nav.html} asks (one indexed count per signed-in page; none for anonymous ones).
 */
@Component("notificationBadge")
public class NotificationBadge {

    private final NotificationService notifications;

    NotificationBadge(NotificationService notifications) {
        this.notifications = notifications;
    }

    public long unread(String name) {
        return name == null ? 0 : notifications.unreadOfName(name);
    }
}
