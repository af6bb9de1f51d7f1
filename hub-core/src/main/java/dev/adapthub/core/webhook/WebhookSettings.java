package dev.adapthub.core.webhook;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Webhook settings ({@code hub.webhook.*}, environment {@code HUB_WEBHOOK_*}).
 *
 * @param allowedRanges address ranges (CIDR) that hooks may target although they are internal
 *                      (loopback, private, link-local), e.g. {@code 127.0.0.0/8}; empty by default
 * @param backoffBase   the wait before the first retry; each further retry waits twice as long
 * @param maxAttempts   attempts per delivery before it is given up (a maintainer may redeliver)
 * @param timeout       connect and read timeout of one attempt
 */
@ConfigurationProperties("hub.webhook")
public record WebhookSettings(List<String> allowedRanges, Duration backoffBase, Integer maxAttempts,
        Duration timeout) {

    public WebhookSettings {
        allowedRanges = allowedRanges == null ? List.of()
                : allowedRanges.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        backoffBase = backoffBase == null ? Duration.ofSeconds(10) : backoffBase;
        maxAttempts = maxAttempts == null ? 6 : Math.max(1, maxAttempts);
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }

    /** The wait after failed attempt {@code attempt} (1-based): base, 2·base, 4·base, … */
    Duration backoffAfter(int attempt) {
        return backoffBase.multipliedBy(1L << Math.min(attempt - 1, 20));
    }
}
