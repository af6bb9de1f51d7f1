package dev.adapthub.core.notification;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * Makes the notifications of a committed action on a thread of its own, one event after another.
 * <p>
 * Why not on the acting thread: after a commit that thread still holds its pool connection until
 * Spring cleans the transaction up, so writing a notification there takes a second connection from
 * the same pool. With as many actions at once as the pool has connections, each holds one and waits
 * for another until the pool's timeout, and their notifications are lost. This thread holds no other
 * connection while it waits for one.
 * <p>
 * The queue is bounded (an event beyond it is logged and dropped, like one whose notifying failed);
 * what is queued at shutdown is still made, for up to ten seconds, before the database goes away
 * ({@code @DependsOn}: the entity manager factory closes after this queue drained).
 */
@Component
@DependsOn("entityManagerFactory")
public class NotificationQueue implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NotificationQueue.class);
    private static final int CAPACITY = 10_000;

    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(CAPACITY), runnable -> {
                Thread thread = new Thread(runnable, "notifications");
                thread.setDaemon(true);
                return thread;
            });

    /** Runs {@code work} after everything submitted before it; a failure is logged, never thrown. */
    void submit(Object event, Runnable work) {
        try {
            worker.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.warn("Could not make the notifications of {}: {}", event, e.toString());
                }
            });
        } catch (RejectedExecutionException full) {
            log.warn("Dropped the notifications of {}: {} events are waiting already", event, CAPACITY);
        }
    }

    /**
     * Waits until the notifications of everything submitted so far are made: for a caller that must
     * see the notifications of what it just did, such as a test.
     *
     * @return false when {@code timeout} passed first
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        CountDownLatch reached = new CountDownLatch(1);
        try {
            worker.execute(reached::countDown);
        } catch (RejectedExecutionException full) {
            return false;
        }
        return reached.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() throws InterruptedException {
        worker.shutdown();
        if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
            log.warn("Stopped with {} notification events not made", worker.getQueue().size());
            worker.shutdownNow();
        }
    }
}
