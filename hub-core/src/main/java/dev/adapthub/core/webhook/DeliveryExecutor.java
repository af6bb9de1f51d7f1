package dev.adapthub.core.webhook;

import dev.adapthub.core.common.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes one attempt of a delivery: checks the hook's URL again (its host may resolve elsewhere by
 * now), signs the payload with the hook's current secret, POSTs it to the checked address and
 * records what happened. No database connection is held during the request.
 */
@Component
class DeliveryExecutor {

    private static final Logger log = LoggerFactory.getLogger(DeliveryExecutor.class);

    private final Deliveries deliveries;
    private final WebhookRows hooks;
    private final TargetGuard guard;
    private final WebhookSettings settings;
    private final Clock clock;

    DeliveryExecutor(Deliveries deliveries, WebhookRows hooks, TargetGuard guard, WebhookSettings settings,
            Clock clock) {
        this.deliveries = deliveries;
        this.hooks = hooks;
        this.guard = guard;
        this.settings = settings;
        this.clock = clock;
    }

    void run(long deliveryId, int attempt) {
        Delivery delivery = deliveries.find(deliveryId).orElse(null);
        if (delivery == null || delivery.attempts() >= attempt) {
            return; // the hook was deleted, or this attempt was made before a crash and recorded
        }
        Webhook hook = hooks.findById(delivery.webhookId()).orElse(null);
        if (hook == null) {
            return;
        }
        byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "AdaptHub-Hookshot/1");
        headers.put("X-Hub-Event", delivery.event());
        headers.put("X-Hub-Delivery", delivery.guid());
        headers.put("X-Hub-Hook-ID", Long.toString(hook.id()));
        headers.put("X-Hub-Signature-256", Signatures.sign(hook.secret(), body));
        String shown = headers.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("\n"));
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        if (!hook.active()) {
            deliveries.recorded(delivery, new Attempt(deliveryId, attempt, started, 0, null, shown, null, null,
                    "The hook is disabled; nothing was sent."), false);
            return;
        }
        String address = null;
        Attempt made;
        boolean retry = true;
        try {
            TargetGuard.Target target = guard.check(hook.url());
            address = target.address().getHostAddress();
            PinnedHttp.Response response = PinnedHttp.post(target, headers, body, settings.timeout());
            String note = response.status() >= 300 && response.status() < 400
                    ? "Redirects are not followed: point the hook at the final URL." : null;
            made = new Attempt(deliveryId, attempt, started, elapsed(t0), address, shown, response.status(),
                    response.body(), note);
        } catch (InvalidInputException e) {
            // The URL now points inside the network: refused as at creation, and retrying cannot change that.
            // A host that does not resolve may again later (a DNS outage), so that one is retried.
            made = new Attempt(deliveryId, attempt, started, elapsed(t0), address, shown, null, null, e.getMessage());
            retry = e instanceof TargetGuard.Unresolved;
        } catch (IOException | RuntimeException e) {
            made = new Attempt(deliveryId, attempt, started, elapsed(t0), address, shown, null, null,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        deliveries.recorded(delivery, made, retry);
        log.info("Webhook {} delivery {} attempt {}: {} in {} ms", hook.id(), delivery.guid(), attempt,
                made.responseCode() != null ? "HTTP " + made.responseCode() : made.error(), made.durationMs());
    }

    private static long elapsed(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
