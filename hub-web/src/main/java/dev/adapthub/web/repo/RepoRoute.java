package dev.adapthub.web.repo;

import dev.adapthub.core.repo.RepoKind;
import jakarta.servlet.http.HttpServletRequest;

/** Which kind of repository a page URL addresses: {@code /datasets/…}, {@code /tools/…} or a model. */
public final class RepoRoute {

    private RepoRoute() {
    }

    public static RepoKind kindOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/datasets/")) {
            return RepoKind.DATASET;
        }
        if (path.startsWith("/tools/")) {
            return RepoKind.TOOL;
        }
        return RepoKind.MODEL;
    }
}
