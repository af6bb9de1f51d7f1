package dev.adapthub.core.webhook;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import dev.adapthub.core.common.AfterCommit;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The delivery queue: a delivery row per event and hook, and a db-scheduler job per attempt,
 * written in the caller's transaction (db-scheduler's data source joins it), so the event's change,
 * its deliveries and their jobs commit together; the first attempt starts once that commits.
 */
@Component
class Deliveries {

    private final DeliveryRows rows;
    private final AttemptRows attempts;
    private final ObjectProvider<Scheduler> scheduler;
    private final WebhookSettings settings;
    private final Clock clock;

    Deliveries(DeliveryRows rows, AttemptRows attempts, ObjectProvider<Scheduler> scheduler, WebhookSettings settings,
            Clock clock) {
        this.rows = rows;
        this.attempts = attempts;
        this.scheduler = scheduler;
        this.settings = settings;
        this.clock = clock;
    }

    /** Queues {@code payload} for each hook; its first attempt runs after the transaction commits. */
    @Transactional
    void enqueue(List<Webhook> hooks, String event, String action, String payload) {
        for (Webhook hook : hooks) {
            Delivery delivery = rows.save(new Delivery(hook.id(), UUID.randomUUID().toString(), event, action, payload,
                    clock.instant()));
            rows.flush();
            schedule(delivery.id(), 1, clock.instant(), "");
        }
        if (!hooks.isEmpty()) {
            AfterCommit.run(() -> scheduler.getObject().triggerCheckForDueExecutions());
        }
    }

    /** Records one attempt and, when it failed and attempts remain, queues the next after a back-off. */
    @Transactional
    void recorded(Delivery delivery, Attempt attempt, boolean retry) {
        attempts.save(attempt);
        Instant now = clock.instant();
        Instant next = null;
        if (!attempt.succeeded() && retry && attempt.attempt() < settings.maxAttempts()) {
            next = now.plus(settings.backoffAfter(attempt.attempt()));
            schedule(delivery.id(), attempt.attempt() + 1, next, "");
        }
        rows.findById(delivery.id()).orElseThrow().attempted(attempt.attempt(), attempt.succeeded(), now, next);
    }

    /** Queues one more attempt now, whatever happened before (a maintainer's "redeliver"). */
    @Transactional
    void redeliver(Delivery delivery) {
        Delivery managed = rows.findById(delivery.id()).orElseThrow();
        managed.requeued(clock.instant());
        // Its own job id, so a retry already waiting for its back-off does not swallow it.
        schedule(managed.id(), managed.attempts() + 1, clock.instant(), "-r" + System.nanoTime());
        AfterCommit.run(() -> scheduler.getObject().triggerCheckForDueExecutions());
    }

    @Transactional(readOnly = true)
    Optional<Delivery> find(long id) {
        return rows.findById(id);
    }

    private void schedule(long deliveryId, int attempt, Instant when, String suffix) {
        scheduler.getObject().scheduleIfNotExists(new TaskInstance<>(WebhookConfiguration.TASK,
                "delivery-" + deliveryId + "-" + attempt + suffix, deliveryId + ":" + attempt), when);
    }
}
