package dev.adapthub.core.repo.push;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoPermission;
import dev.adapthub.git.receive.PushVerdict;
import java.util.Optional;
import org.eclipse.jgit.transport.ReceiveCommand;

/**
 * A feature's say on one ref update of a push (branch protection, pull request heads). Lets
 * features that build on repositories add rules without the repository feature knowing them.
 * An empty answer means "no opinion": the built-in rules of {@link PushRules} decide.
 */
public interface PushGuard {

    Optional<PushVerdict> check(Repo repo, Account account, RepoPermission permission, ReceiveCommand command);
}
