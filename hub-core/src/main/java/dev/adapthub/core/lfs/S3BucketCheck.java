package dev.adapthub.core.lfs;

import dev.adapthub.core.status.ComponentCheck;
import java.time.Duration;

/**
 * The status page's {@code lfs} component when LFS objects live in a bucket: a one-key listing of
 * the bucket, timed. No answer is DOWN (downloads and uploads fail: their links point there); a slow
 * one is DEGRADED.
 */
final class S3BucketCheck implements ComponentCheck {

    static final Duration SLOW = Duration.ofSeconds(2);

    private final S3LfsBucket bucket;

    S3BucketCheck(S3LfsBucket bucket) {
        this.bucket = bucket;
    }

    @Override
    public String id() {
        return "lfs";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Result check() {
        long start = System.nanoTime();
        String reason = bucket.unreachableReason();
        if (reason != null) {
            return Result.down("Object storage " + bucket.where() + " does not answer: " + reason);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String detail = "object storage " + bucket.where() + " answered in " + took.toMillis() + " ms";
        return took.compareTo(SLOW) > 0 ? Result.degraded(detail) : Result.up(detail);
    }
}
