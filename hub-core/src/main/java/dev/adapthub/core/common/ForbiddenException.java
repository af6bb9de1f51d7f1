package dev.adapthub.core.common;

/** The caller is known but may not do this. */
public class ForbiddenException extends HubException {

    public ForbiddenException(String message) {
        super(null, message);
    }
}
