package dev.adapthub.web.api;

import dev.adapthub.core.common.ForbiddenException;
import dev.adapthub.web.security.HubUser;

/** Checks on the caller of an API endpoint that changes something. */
public final class ApiAuth {

    private ApiAuth() {
    }

    /** A signed-in caller whose token (if a token) has the write scope. */
    public static void requireWrite(HubUser user) {
        if (user == null) {
            throw new UnauthenticatedException();
        }
        boolean readOnlyToken = user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("TOKEN_READ"));
        if (readOnlyToken) {
            throw new ForbiddenException("This token has the read scope; create a write token to change things.");
        }
    }

    /** No credentials were sent where they are needed. */
    public static final class UnauthenticatedException extends RuntimeException {
        UnauthenticatedException() {
            super("Authentication required: send a personal access token as 'Authorization: Bearer <token>'.");
        }
    }
}
