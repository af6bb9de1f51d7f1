package dev.adapthub.core.common;

/** The request clashes with the current state (a taken name, a moved branch). */
public class ConflictException extends HubException {

    public ConflictException(String field, String message) {
        super(field, message);
    }
}
