package dev.adapthub.web.popularity;

import dev.adapthub.core.popularity.Likes;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.web.repo.CurrentAccount;
import dev.adapthub.web.security.HubUser;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** What the like fragment ({@code popularity/like.html}) asks: does the signed-in account like this repository? */
@Component("repoLikes")
public class RepoLikes {

    private final Likes likes;
    private final CurrentAccount current;

    RepoLikes(Likes likes, CurrentAccount current) {
        this.likes = likes;
        this.current = current;
    }

    public boolean liked(Repo repo, Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof HubUser user)) {
            return false;
        }
        return likes.liked(repo, current.of(user));
    }
}
