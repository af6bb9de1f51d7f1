package dev.adapthub.core.pull;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How merges into one branch wait for each other. Inside one process, merges into the same
 * repository and branch take turns on a fair lock (one of {@value #STRIPES} stripes, keyed by
 * repository and branch), so they never race one another and need no retry; the
 * compare-and-swap on the ref still guards against everything else that moves the branch (pushes,
 * hub commits, other hub processes), and a merge that loses that race retries after a jittered
 * exponential back-off, until its deadline passes. Two branches that share a stripe merely take
 * turns too.
 */
final class MergeQueue {

    static final int STRIPES = 64;
    /** The first back-off's upper bound; each retry doubles it, up to {@link #MAX_BACK_OFF_MILLIS}. */
    static final long FIRST_BACK_OFF_MILLIS = 5;
    /** Kept small: a merge attempt takes tens of milliseconds, so waiting longer only wastes time. */
    static final long MAX_BACK_OFF_MILLIS = 200;

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    private final Duration deadline;

    MergeQueue(Duration deadline) {
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("hub.pull.merge-deadline must be positive, not " + deadline);
        }
        this.deadline = deadline;
        for (int i = 0; i < STRIPES; i++) {
            // Fair: merges into a busy branch land in the order they asked, so none waits past its deadline
            // while later ones overtake it.
            stripes[i] = new ReentrantLock(true);
        }
    }

    Duration deadline() {
        return deadline;
    }

    /** A merge's time budget, started now. */
    Turn start() {
        return new Turn(System.nanoTime() + deadline.toNanos());
    }

    /** One merge's deadline and its retries. */
    final class Turn {
        private final long deadlineNanos;
        private int retries;

        private Turn(long deadlineNanos) {
            this.deadlineNanos = deadlineNanos;
        }

        /**
         * Waits for the branch's turn until the deadline.
         *
         * @return the held lock, to unlock after the merge; null when the deadline passed first
         */
        ReentrantLock await(long repositoryId, String branch) throws InterruptedException {
            ReentrantLock lock = stripes[Math.floorMod(31 * Long.hashCode(repositoryId) + branch.hashCode(), STRIPES)];
            return lock.tryLock(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS) ? lock : null;
        }

        /**
         * Sleeps a random time before the next attempt ("full jitter": uniform up to a bound that
         * doubles each retry, capped), so merges of several processes stop colliding in step.
         *
         * @return false when the deadline has passed: give up
         */
        boolean backOff() throws InterruptedException {
            long bound = Math.min(MAX_BACK_OFF_MILLIS, FIRST_BACK_OFF_MILLIS << Math.min(retries, 20));
            retries++;
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            long pause = TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextLong(1, bound + 1));
            TimeUnit.NANOSECONDS.sleep(Math.min(pause, left));
            return true;
        }

        int attempts() {
            return retries + 1;
        }
    }
}
