package dev.adapthub.core.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

class MergeQueueTest {

    @Test
    void mergesIntoOneBranchTakeTurnsAndOtherBranchesDoNotWait() throws Exception {
        MergeQueue queue = new MergeQueue(Duration.ofSeconds(5));
        ReentrantLock first = queue.start().await(7, "main");
        assertThat(first).isNotNull();

        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> takeTurn(queue, 7, "main"));
        Thread.sleep(100);
        assertThat(second).as("a second merge into 7/main waits for the first").isNotDone();
        assertThat(CompletableFuture.supplyAsync(() -> takeTurn(queue, 8, "dev")).get(2, TimeUnit.SECONDS))
                .as("another branch has its own turn").isTrue();

        first.unlock();
        assertThat(second.get(2, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aMergeThatWaitsPastItsDeadlineGetsNoTurn() throws Exception {
        MergeQueue queue = new MergeQueue(Duration.ofMillis(200));
        ReentrantLock held = queue.start().await(1, "main");
        long started = System.nanoTime();

        boolean late = CompletableFuture.supplyAsync(() -> takeTurn(queue, 1, "main")).get(5, TimeUnit.SECONDS);

        assertThat(late).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(190));
        held.unlock();
    }

    @Test
    void backOffRetriesUntilTheDeadlineAndNeverSleepsPastIt() throws Exception {
        MergeQueue queue = new MergeQueue(Duration.ofMillis(500));
        MergeQueue.Turn turn = queue.start();
        long started = System.nanoTime();
        while (turn.backOff()) {
            assertThat(turn.attempts()).isLessThan(1_000);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(500)).isLessThan(Duration.ofSeconds(5));
        // 5, 10, 20 … 200 ms bounds with full jitter: a handful of retries, not a busy loop.
        assertThat(turn.attempts()).isBetween(3, 200);
    }

    @Test
    void theDeadlineMustBePositive() {
        assertThatThrownBy(() -> new MergeQueue(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hub.pull.merge-deadline");
    }

    /** Waits for the branch's turn on this thread and gives it back; false when the deadline passed first. */
    private static boolean takeTurn(MergeQueue queue, long repository, String branch) {
        try {
            ReentrantLock lock = queue.start().await(repository, branch);
            if (lock == null) {
                return false;
            }
            lock.unlock();
            return true;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
