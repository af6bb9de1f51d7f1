package dev.adapthub.core.event;

/**
 * A sign-in attempt with a password (the sign-in form). {@code actor} is the name that was typed,
 * which need not be an account.
 *
 * @param succeeded whether the password was right
 * @param reason why it failed (wrong credentials, throttled); null on success
 */
public record SignIn(String actor, boolean succeeded, String reason) implements HubEvent {

    public static SignIn succeeded(String name) {
        return new SignIn(name, true, null);
    }

    public static SignIn failed(String name, String reason) {
        return new SignIn(name, false, reason);
    }
}
