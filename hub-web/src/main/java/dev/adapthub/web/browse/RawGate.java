package dev.adapthub.web.browse;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.common.ForbiddenException;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoSettingsService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The gate of a gated repository on downloads, with the Hub's answers: {@code GatedRepo} with 401
 * to an anonymous caller, 403 to a signed-in one who is not admitted.
 */
final class RawGate {

    private RawGate() {
    }

    /** Writes the refusal and answers true when {@code viewer} may not download from {@code repo}. */
    static boolean refused(RepoSettingsService settings, Repo repo, Account viewer, HttpServletResponse response)
            throws IOException {
        String what = repo.kind().apiName() + " " + repo.fullName();
        switch (settings.gate(repo, viewer)) {
            case OPEN -> {
                return false;
            }
            case SIGN_IN -> RawFileController.error(response, 401, "GatedRepo", new ForbiddenException(
                    "Access to " + what + " is restricted. You must have access to it and be authenticated to"
                            + " access it: send a token with 'Authorization: Bearer ...'."));
            case REFUSED -> RawFileController.error(response, 403, "GatedRepo", new ForbiddenException(
                    "Access to " + what + " is restricted and you are not in the authorized list: only its"
                            + " members may download its files. Ask " + repo.owner() + " for access."));
        }
        return true;
    }
}
