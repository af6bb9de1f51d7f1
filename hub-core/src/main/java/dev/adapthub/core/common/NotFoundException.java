package dev.adapthub.core.common;

/** The thing asked for does not exist, or the caller may not know that it exists. */
public class NotFoundException extends HubException {

    public NotFoundException(String message) {
        super(null, message);
    }
}
