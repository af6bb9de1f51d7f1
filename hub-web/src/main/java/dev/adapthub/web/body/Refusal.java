package dev.adapthub.web.body;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Why a body was not read: over the limit in force for the caller (413), or a form without a
 * declared length from an anonymous caller (411: Tomcat would parse it up to its own, larger
 * bound before anyone could count).
 */
record Refusal(int status, String message) {

    static Refusal overLimit(BodyLimit limit, long applied, long declared, Boolean authenticated) {
        StringBuilder text = new StringBuilder("The request body ");
        text.append(declared >= 0 ? "has " + declared + " bytes" : "is larger than " + BodyLimit.size(applied));
        text.append("; this endpoint (").append(limit.route()).append(") takes at most ");
        if (authenticated == null) {
            text.append(BodyLimit.size(limit.signedIn())).append(" (").append(BodyLimit.size(limit.anonymous()))
                    .append(" without credentials). ");
        } else {
            text.append(BodyLimit.size(applied)).append(authenticated ? ". " : " without credentials. ");
        }
        if (Boolean.FALSE.equals(authenticated) && limit.signedIn() > limit.anonymous()) {
            text.append("Authenticate first (a personal access token as 'Authorization: Bearer <token>', or sign in):"
                    + " signed-in callers may send up to ").append(BodyLimit.size(limit.signedIn())).append(". ");
        }
        return new Refusal(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, text.append(limit.advice())
                .append(" Nothing was read or written.").toString());
    }

    static Refusal lengthRequired(BodyLimit limit) {
        return new Refusal(HttpServletResponse.SC_LENGTH_REQUIRED, "A body sent to this endpoint (" + limit.route()
                + ") without credentials needs a Content-Length of at most " + BodyLimit.size(limit.anonymous())
                + "; send the length, or authenticate first. Nothing was read or written.");
    }
}
