package dev.adapthub.chips.spi;

/**
 * One thing a backend does not support, or (when {@code blocking} is false) supports with a
 * caveat the user should know.
 *
 * @param code     stable reason
 * @param path     config field path the reason is about ({@code precision.weights})
 * @param message  what is not supported and why
 * @param hint     what to change; may be empty
 * @param blocking true: the config cannot run as written; false: a warning
 */
public record Refusal(ReasonCode code, String path, String message, String hint, boolean blocking) {

    /** A blocking refusal. */
    public static Refusal of(ReasonCode code, String path, String message, String hint) {
        return new Refusal(code, path, message, hint, true);
    }

    /** A non-blocking caveat. */
    public static Refusal caveat(ReasonCode code, String path, String message, String hint) {
        return new Refusal(code, path, message, hint, false);
    }
}
