package dev.adapthub.core.common;

/** A value the caller sent breaks a rule; {@link #field()} names it and the message says how to fix it. */
public class InvalidInputException extends HubException {

    public InvalidInputException(String field, String message) {
        super(field, message);
    }
}
