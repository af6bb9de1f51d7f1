package dev.adapthub.core.pull;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.pull.protection.BranchProtections;
import dev.adapthub.core.pull.protection.ProtectedBranchCommits;
import dev.adapthub.core.pull.protection.ProtectionRule;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoPermission;
import dev.adapthub.core.repo.push.PushGuard;
import dev.adapthub.git.receive.PushVerdict;
import dev.adapthub.git.refs.RefNames;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.springframework.stereotype.Component;

/**
 * Push rules of pull requests: {@code refs/pr/{n}} of an open PR takes pushes from the PR's
 * author and the repository's writers, nobody creates or deletes such a ref by pushing; a
 * protected branch takes direct pushes only from the permission its rule names, never a
 * force-push or a deletion.
 */
@Component
class PullPushGuard implements PushGuard {

    private final PullRequestService pulls;
    private final BranchProtections protections;

    PullPushGuard(PullRequestService pulls, BranchProtections protections) {
        this.pulls = pulls;
        this.protections = protections;
    }

    @Override
    public Optional<PushVerdict> check(Repo repo, Account account, RepoPermission permission, ReceiveCommand command) {
        String ref = command.getRefName();
        if (ref.startsWith(RefNames.PR_PREFIX)) {
            return Optional.of(checkPrRef(repo, account, permission, command));
        }
        if (!ref.startsWith("refs/heads/") || !permission.allows(RepoPermission.WRITE)) {
            return Optional.empty();
        }
        String branch = ref.substring("refs/heads/".length());
        Optional<ProtectionRule> rule = protections.ruleFor(repo, branch);
        if (rule.isEmpty()) {
            return Optional.empty();
        }
        if (command.getType() == ReceiveCommand.Type.DELETE) {
            return Optional.of(PushVerdict.reject(ref + " is protected and cannot be deleted"));
        }
        if (!permission.allows(rule.get().pushPermission())) {
            return Optional.of(PushVerdict.reject(ref + " is protected: only "
                    + ProtectedBranchCommits.who(rule.get().pushPermission()) + " push to it directly;"
                    + " push another branch and open a pull request"));
        }
        if (command.getType() == ReceiveCommand.Type.UPDATE_NONFASTFORWARD) {
            return Optional.of(PushVerdict.reject(ref + " is protected: force-pushes are not allowed"));
        }
        return Optional.of(PushVerdict.allow());
    }

    private PushVerdict checkPrRef(Repo repo, Account account, RepoPermission permission, ReceiveCommand command) {
        String ref = command.getRefName();
        OptionalLong number = RefNames.prNumber(ref);
        if (number.isEmpty()) {
            return PushVerdict.reject(ref + " is not a pull request head; they are refs/pr/{n}");
        }
        if (command.getType() == ReceiveCommand.Type.CREATE) {
            return PushVerdict.reject(ref + " does not exist: the hub creates refs/pr/{n} when a pull request"
                    + " opens; open one first, then push to the ref it names");
        }
        if (command.getType() == ReceiveCommand.Type.DELETE) {
            return PushVerdict.reject(ref + " is a pull request head and cannot be deleted; close the pull request");
        }
        return pulls.refusePrPush(repo, number.getAsLong(), account, permission)
                .map(PushVerdict::reject).orElse(PushVerdict.allow());
    }
}
