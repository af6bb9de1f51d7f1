package dev.adapthub.web.git;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.pull.PullRequestService;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoPermission;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.RepoSettingsService;
import dev.adapthub.git.http.WriteAccess;
import dev.adapthub.git.refs.RefNames;
import dev.adapthub.git.store.RepoId;
import dev.adapthub.web.repo.CurrentAccount;
import dev.adapthub.web.security.HubUser;
import dev.adapthub.web.security.SignedUploadLinks;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Who may upload LFS objects, for tokens only with the write scope: the repository's writers (the
 * same rule as a push), and a pull request's author for pushes to its {@code refs/pr/{n}} (the
 * rule of {@link PullRequestService#refusePrPush}), so a reader's PR can carry large files. The
 * upload itself (a PUT to the link the batch answer gave) is allowed when the link was signed
 * for the caller, since the batch request had passed this check. A download batch passes a gated
 * repository's gate, since its links may point at a bucket the hub does not see again.
 */
class LfsWriteAccess implements WriteAccess {

    private final RepoService repos;
    private final CurrentAccount current;
    private final PullRequestService pulls;
    private final SignedUploadLinks links;
    private final RepoSettingsService settings;

    LfsWriteAccess(RepoService repos, CurrentAccount current, PullRequestService pulls, SignedUploadLinks links,
            RepoSettingsService settings) {
        this.settings = settings;
        this.repos = repos;
        this.current = current;
        this.pulls = pulls;
        this.links = links;
    }

    @Override
    public boolean mayWrite(HttpServletRequest request, RepoId repository) {
        return writer(repository).map(w -> w.permission().allows(RepoPermission.WRITE)
                || links.signedFor(request, w.account().id())).orElse(false);
    }

    @Override
    public boolean mayUpload(HttpServletRequest request, RepoId repository, String refName) {
        if (mayWrite(request, repository)) {
            return true;
        }
        OptionalLong number = refName == null ? OptionalLong.empty() : RefNames.prNumber(refName);
        if (number.isEmpty()) {
            return false;
        }
        return writer(repository).map(w -> pulls.refusePrPush(w.repo(), number.getAsLong(), w.account(),
                w.permission()).isEmpty()).orElse(false);
    }

    /** A gated repository's objects pass its gate, as its clones and /resolve do ({@link GitHttpFilter}). */
    @Override
    public boolean mayDownload(HttpServletRequest request, RepoId repository) {
        Account viewer = current.of(GitHttpFilter.user());
        return repos.findByStorage(repository)
                .map(repo -> settings.gate(repo, viewer) == RepoSettingsService.GateDecision.OPEN).orElse(false);
    }

    private record Caller(Repo repo, Account account, RepoPermission permission) { }

    /** The signed-in caller with a token that may write, and what it may do with the repository. */
    private Optional<Caller> writer(RepoId repository) {
        HubUser user = GitHttpFilter.user();
        if (user == null || user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("TOKEN_READ"))) {
            return Optional.empty();
        }
        Account account = current.of(user);
        return repos.findByStorage(repository).map(repo -> new Caller(repo, account, repos.permission(repo, account)));
    }
}
