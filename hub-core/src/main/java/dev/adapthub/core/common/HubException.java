package dev.adapthub.core.common;

/**
 * Base of the domain's exceptions. Each subclass is named after what the client sees
 * (not found, conflict, invalid, forbidden); only the web layer maps them to statuses.
 * The message is written for the person who sent the request.
 */
public abstract class HubException extends RuntimeException {

    private final String field;

    protected HubException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The input field the error is about, or {@code null} when it is about the whole request. */
    public String field() {
        return field;
    }
}
