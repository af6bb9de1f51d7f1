package dev.adapthub.web.hf;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.account.AccountService;
import dev.adapthub.core.popularity.Likes;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.web.api.ApiAuth;
import dev.adapthub.web.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Likes as {@code huggingface_hub} calls them: {@code like()} is {@code POST /api/{type}s/{repo}/like},
 * {@code unlike()} is {@code DELETE} on the same URL, {@code list_repo_likers} reads {@code …/likers},
 * {@code list_liked_repos} reads {@code /api/users/{user}/likes}. Liking needs a token; a repository
 * the caller cannot read is RepoNotFound (404 signed in), never 403.
 */
@RestController
@Tag(name = "Hugging Face-compatible")
class HfLikesController {

    private final HfRepos hf;
    private final Likes likes;
    private final RepoService repos;
    private final AccountService accounts;

    HfLikesController(HfRepos hf, Likes likes, RepoService repos, AccountService accounts) {
        this.accounts = accounts;
        this.hf = hf;
        this.likes = likes;
        this.repos = repos;
    }

    @Operation(summary = "Like a repository")
    @PostMapping("/api/{type:models|datasets|tools}/{owner}/{name}/like")
    Map<String, Object> like(@PathVariable String type, @PathVariable String owner, @PathVariable String name,
            @AuthenticationPrincipal HubUser user) {
        Account account = signedIn(user);
        Repo repo = hf.repo(type, owner, name, user);
        return Map.of("likes", likes.like(repo, account), "liked", true);
    }

    @Operation(summary = "Take back a like")
    @DeleteMapping("/api/{type:models|datasets|tools}/{owner}/{name}/like")
    Map<String, Object> unlike(@PathVariable String type, @PathVariable String owner, @PathVariable String name,
            @AuthenticationPrincipal HubUser user) {
        Account account = signedIn(user);
        Repo repo = hf.repo(type, owner, name, user);
        return Map.of("likes", likes.unlike(repo, account), "liked", false);
    }

    @Operation(summary = "Who likes a repository")
    @GetMapping("/api/{type:models|datasets|tools}/{owner}/{name}/likers")
    List<Map<String, Object>> likers(@PathVariable String type, @PathVariable String owner, @PathVariable String name,
            @RequestParam(required = false) Integer limit, @AuthenticationPrincipal HubUser user) {
        Repo repo = hf.repo(type, owner, name, user);
        return likes.likers(repo, limit == null ? 1000 : limit).stream()
                .map(n -> Map.<String, Object>of("user", n, "username", n, "type", "user")).toList();
    }

    @Operation(summary = "Repositories a user likes (those the caller may see)")
    @GetMapping("/api/users/{user}/likes")
    List<Map<String, Object>> liked(@PathVariable("user") String userName, @AuthenticationPrincipal HubUser user) {
        Account viewer = hf.account(user);
        Account account = accounts.findByName(userName).orElseThrow(() -> HfError.repoNotFound("User " + userName
                + " not found."));
        List<Map<String, Object>> out = new ArrayList<>();
        for (long id : likes.likedBy(account, 1000)) {
            repos.findById(id).filter(r -> repos.permission(r, viewer).allows(
                    dev.adapthub.core.repo.RepoPermission.READ)).ifPresent(r -> {
                        Map<String, Object> one = new LinkedHashMap<>();
                        one.put("repo", Map.of("name", r.fullName(), "type", r.kind().apiName()));
                        out.add(one);
                    });
        }
        return out;
    }

    /** Liking changes something: a signed-in caller, with a write token if a token. */
    private Account signedIn(HubUser user) {
        ApiAuth.requireWrite(user);
        return hf.account(user);
    }
}
