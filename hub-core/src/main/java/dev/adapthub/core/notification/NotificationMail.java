package dev.adapthub.core.notification;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.profile.ProfileService;
import dev.adapthub.core.repo.Repo;
import jakarta.annotation.PreDestroy;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Sends a notification by e-mail to a recipient who opted in and has a real address, on a thread
 * of its own: the action that caused it has committed and answered already, so a slow or broken
 * mail server delays nothing and fails nothing. A failed mail is logged in one line and dropped.
 * <p>
 * The settings are read from the environment at each mail (cheap, and it lets an operator's
 * change of a system property take effect, and tests point the hub at their own server).
 */
@Component
class NotificationMail {

    private static final Logger log = LoggerFactory.getLogger(NotificationMail.class);
    private static final int TIMEOUT_MS = 10_000;

    private final Environment environment;
    private final ProfileService profiles;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "notification-mail");
        t.setDaemon(true);
        return t;
    });
    private volatile Transport transport;

    private record Transport(MailSettings settings, JavaMailSenderImpl sender) {
    }

    NotificationMail(Environment environment, ProfileService profiles) {
        this.environment = environment;
        this.profiles = profiles;
    }

    MailSettings settings() {
        return new MailSettings(environment.getProperty("hub.smtp.host"),
                environment.getProperty("hub.smtp.port", Integer.class, 25),
                environment.getProperty("hub.smtp.username"), environment.getProperty("hub.smtp.password"),
                environment.getProperty("hub.smtp.from"), environment.getProperty("hub.public-url"));
    }

    /** Queues the mail of {@code n} when e-mail is set up and the recipient wants it; returns at once. */
    void send(Account recipient, Repo repo, Notification n) {
        MailSettings settings = settings();
        String to = recipient.email();
        if (!settings.enabled() || to == null || to.toLowerCase(Locale.ROOT).endsWith(".invalid")
                || !profiles.wantsEmail(recipient.id())) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(settings.from());
        message.setTo(to);
        message.setSubject("[AdaptHub] " + NotificationText.sentence(n, repo.fullName()));
        message.setText(NotificationText.sentence(n, repo.fullName()) + "\n\n" + settings.publicUrl() + n.link()
                + "\n\n-- \nYou receive this because you chose e-mail notifications in " + settings.publicUrl()
                + "/settings/profile; untick the box there to stop them.\n");
        sender.execute(() -> deliver(settings, message, n.id()));
    }

    private void deliver(MailSettings settings, SimpleMailMessage message, long notificationId) {
        try {
            transportFor(settings).send(message);
        } catch (RuntimeException e) {
            // MailException and whatever JavaMail throws: the mail is dropped, the notification stays on the page.
            log.warn("Could not mail notification {} to {} through {}:{}: {}", notificationId, message.getTo()[0],
                    settings.host(), settings.port(), e.getMessage());
        }
    }

    private JavaMailSenderImpl transportFor(MailSettings settings) {
        Transport current = transport;
        if (current != null && current.settings().equals(settings)) {
            return current.sender();
        }
        JavaMailSenderImpl mailer = new JavaMailSenderImpl();
        mailer.setHost(settings.host());
        mailer.setPort(settings.port());
        if (settings.username() != null && !settings.username().isBlank()) {
            mailer.setUsername(settings.username());
            mailer.setPassword(settings.password());
        }
        mailer.setDefaultEncoding("UTF-8");
        Properties properties = mailer.getJavaMailProperties();
        properties.put("mail.smtp.auth", String.valueOf(mailer.getUsername() != null));
        properties.put("mail.smtp.starttls.enable", "true");
        properties.put("mail.smtp.connectiontimeout", String.valueOf(TIMEOUT_MS));
        properties.put("mail.smtp.timeout", String.valueOf(TIMEOUT_MS));
        properties.put("mail.smtp.writetimeout", String.valueOf(TIMEOUT_MS));
        transport = new Transport(settings, mailer);
        return mailer;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        sender.shutdown();
        sender.awaitTermination(5, TimeUnit.SECONDS);
    }
}
