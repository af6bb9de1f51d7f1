package dev.adapthub.git.receive;

import java.util.Objects;

/**
 * A {@link PushPolicy}'s answer for one ref update. A rejection's message is shown verbatim in
 * the {@code git push} output, so it should say what to do ("refs/heads/main is protected: open
 * a pull request").
 */
public record PushVerdict(boolean allowed, String message) {
    private static final PushVerdict ALLOW = new PushVerdict(true, null);

    public static PushVerdict allow() {
        return ALLOW;
    }

    public static PushVerdict reject(String message) {
        Objects.requireNonNull(message, "message");
        if (message.isBlank() || message.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a rejection message is one non-empty line");
        }
        return new PushVerdict(false, message);
    }
}
