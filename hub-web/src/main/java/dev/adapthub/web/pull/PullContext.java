package dev.adapthub.web.pull;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.common.ForbiddenException;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.web.repo.CurrentAccount;
import dev.adapthub.web.repo.RepoRoute;
import dev.adapthub.web.security.HubUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/** Finds the repository and the signed-in account of a pull request page or form. */
@Component
class PullContext {

    private final RepoService repos;
    private final CurrentAccount current;

    PullContext(RepoService repos, CurrentAccount current) {
        this.repos = repos;
        this.current = current;
    }

    /** The repository, readable by the viewer (a 404 otherwise). */
    Repo repo(HttpServletRequest request, String owner, String name, HubUser user) {
        return repos.get(RepoRoute.kindOf(request), owner, name, current.of(user));
    }

    Account viewer(HubUser user) {
        return current.of(user);
    }

    /** The signed-in account, or 403 asking to sign in. */
    Account actor(HubUser user) {
        Account account = current.of(user);
        if (account == null) {
            throw new ForbiddenException("Sign in to take part in pull requests.");
        }
        return account;
    }

    static long number(String text) {
        if (text == null || !text.matches("[1-9][0-9]{0,17}")) {
            throw new InvalidInputException("number", "'" + text + "' is not a pull request number.");
        }
        return Long.parseLong(text);
    }
}
