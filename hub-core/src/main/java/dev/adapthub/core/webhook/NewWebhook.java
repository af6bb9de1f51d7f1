package dev.adapthub.core.webhook;

/** A hook just created, with its secret: the only time the hub shows it. */
public record NewWebhook(Webhook webhook, String secret) {
}
