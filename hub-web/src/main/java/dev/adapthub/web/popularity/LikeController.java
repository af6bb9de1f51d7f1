package dev.adapthub.web.popularity;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.popularity.Likes;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.web.repo.CurrentAccount;
import dev.adapthub.web.repo.RepoRoute;
import dev.adapthub.web.security.HubUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The like button of a repository page: a form (with CSRF) that posts here and comes back to the
 * page. Anonymous callers are sent to sign in; a repository the account cannot read is a 404.
 */
@Controller
class LikeController {

    private final RepoService repos;
    private final Likes likes;
    private final CurrentAccount current;

    LikeController(RepoService repos, Likes likes, CurrentAccount current) {
        this.repos = repos;
        this.likes = likes;
        this.current = current;
    }

    @PostMapping({"/{owner}/{name}/like", "/datasets/{owner}/{name}/like", "/tools/{owner}/{name}/like"})
    String like(@PathVariable String owner, @PathVariable String name, @AuthenticationPrincipal HubUser user,
            HttpServletRequest request) {
        return change(owner, name, user, request, true);
    }

    @PostMapping({"/{owner}/{name}/unlike", "/datasets/{owner}/{name}/unlike", "/tools/{owner}/{name}/unlike"})
    String unlike(@PathVariable String owner, @PathVariable String name, @AuthenticationPrincipal HubUser user,
            HttpServletRequest request) {
        return change(owner, name, user, request, false);
    }

    private String change(String owner, String name, HubUser user, HttpServletRequest request, boolean like) {
        Account account = current.of(user);
        if (account == null) {
            return "redirect:/login";
        }
        Repo repo = repos.get(RepoRoute.kindOf(request), owner, name, account);
        if (like) {
            likes.like(repo, account);
        } else {
            likes.unlike(repo, account);
        }
        return "redirect:/" + repo.urlPath();
    }
}
