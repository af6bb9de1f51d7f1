package dev.adapthub.core.token;

/**
 * A token just created: the only moment its secret exists outside the caller's hands.
 * Show {@link #secret()} once and forget it.
 */
public record NewToken(AccessToken token, String secret) {

    @Override
    public String toString() {
        return "NewToken[" + token.name() + "]";
    }
}
