package dev.adapthub.core.pull.protection;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoPermission;
import dev.adapthub.core.repo.content.CommitGuard;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Branch protection for the hub's own commits (browser edits and uploads, API commits): a
 * protected branch takes direct commits only from the permission its rule names, as for a push.
 * A branch no rule matches is open to writers.
 */
@Component
public class ProtectedBranchCommits implements CommitGuard {

    private final BranchProtections protections;

    ProtectedBranchCommits(BranchProtections protections) {
        this.protections = protections;
    }

    @Override
    public Optional<Verdict> check(Repo repo, Account author, RepoPermission permission, String branch) {
        return Optional.of(protections.ruleFor(repo, branch)
                .filter(rule -> !permission.allows(rule.pushPermission()))
                .map(rule -> Verdict.refuse("The branch '" + branch + "' is protected: only "
                        + who(rule.pushPermission()) + " commit to it directly; propose the change as a pull"
                        + " request instead."))
                .orElseGet(Verdict::allow));
    }

    /** "maintainers", "admins", "writers": who a permission names, for messages. */
    public static String who(RepoPermission permission) {
        return switch (permission) {
            case ADMIN -> "admins";
            case MAINTAIN -> "maintainers";
            default -> "writers";
        };
    }
}
