package dev.adapthub.web.git;

import dev.adapthub.core.repo.RepoPermission;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.git.http.WriteAccess;
import dev.adapthub.git.store.RepoId;
import dev.adapthub.web.repo.CurrentAccount;
import dev.adapthub.web.security.HubUser;
import jakarta.servlet.http.HttpServletRequest;

/** LFS uploads need write permission and, for tokens, the write scope: the same rule as a push. */
class LfsWriteAccess implements WriteAccess {

    private final RepoService repos;
    private final CurrentAccount current;

    LfsWriteAccess(RepoService repos, CurrentAccount current) {
        this.repos = repos;
        this.current = current;
    }

    @Override
    public boolean mayWrite(HttpServletRequest request, RepoId repository) {
        HubUser user = GitHttpFilter.user();
        if (user == null || user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("TOKEN_READ"))) {
            return false;
        }
        return repos.findByStorage(repository)
                .map(repo -> repos.permission(repo, current.of(user)).allows(RepoPermission.WRITE))
                .orElse(false);
    }
}
