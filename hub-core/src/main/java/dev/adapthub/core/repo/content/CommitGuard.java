package dev.adapthub.core.repo.content;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoPermission;
import java.util.Optional;

/**
 * A feature's say on a commit the hub makes to a branch for a user (browser edit, upload, API
 * commit): the same rules as {@link dev.adapthub.core.repo.push.PushGuard} for a push, so a
 * protected branch cannot be written through the browser either. An empty answer means "no
 * opinion": {@link RepoWrites}' built-in rule (the default branch needs maintainers) decides.
 */
public interface CommitGuard {

    Optional<Verdict> check(Repo repo, Account author, RepoPermission permission, String branch);

    /** Allowed, or refused with a reason that tells the user what to do instead. */
    record Verdict(boolean allowed, String reason) {

        public static Verdict allow() {
            return new Verdict(true, "");
        }

        public static Verdict refuse(String reason) {
            return new Verdict(false, reason);
        }
    }
}
