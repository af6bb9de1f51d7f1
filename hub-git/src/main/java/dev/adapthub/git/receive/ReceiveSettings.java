package dev.adapthub.git.receive;

/**
 * Limits for pushes.
 *
 * @param maxPackBytes largest pack a push may send; over it the push fails and nothing changes
 * @param maxObjectBytes largest single object (file) in a push; larger files belong in LFS
 */
public record ReceiveSettings(long maxPackBytes, long maxObjectBytes) {
    public static final ReceiveSettings DEFAULTS = new ReceiveSettings(2L << 30, 100L << 20);

    public ReceiveSettings {
        if (maxPackBytes < 1 || maxObjectBytes < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
