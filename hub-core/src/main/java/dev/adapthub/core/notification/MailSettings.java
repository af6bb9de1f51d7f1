package dev.adapthub.core.notification;

/**
 * How notifications leave by e-mail ({@code hub.smtp.*}, from {@code HUB_SMTP_HOST}, {@code _PORT},
 * {@code _USERNAME}, {@code _PASSWORD}, {@code _FROM}, and {@code HUB_PUBLIC_URL} for the links).
 * No host: no e-mail, the default.
 */
record MailSettings(String host, int port, String username, String password, String from, String publicUrl) {

    MailSettings {
        host = host == null ? "" : host.strip();
        port = port <= 0 ? 25 : port;
        from = from == null || from.isBlank() ? "adapthub@localhost" : from.strip();
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.strip();
        if (publicUrl.endsWith("/")) {
            publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
        }
    }

    boolean enabled() {
        return !host.isEmpty();
    }
}
