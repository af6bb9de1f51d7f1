package dev.adapthub.web.git;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.RepoSettingsService;
import dev.adapthub.web.repo.CurrentAccount;
import dev.adapthub.web.security.HubUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends Git and LFS requests at repository URLs to the Git servlet (mounted at {@value #MOUNT}),
 * after Spring Security has authenticated them. Answers what JGit cannot say well itself: an
 * anonymous caller gets a 401 challenge (so {@code git} asks for credentials) both for pushes
 * and for repositories it cannot see, and a read-only token cannot push. A gated repository's
 * clones, fetches and LFS downloads pass its gate ({@link RepoSettingsService#gate}).
 */
class GitHttpFilter extends OncePerRequestFilter {

    static final String MOUNT = "/git";

    private final RepoService repos;
    private final CurrentAccount current;
    private final RepoSettingsService settings;

    GitHttpFilter(RepoService repos, CurrentAccount current, RepoSettingsService settings) {
        this.repos = repos;
        this.current = current;
        this.settings = settings;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return GitUrls.parse(repositoryPath(request)).isEmpty();
    }

    /**
     * The path below the site root or below the servlet mount: LFS action links point at the
     * mount ({@code /git/owner/name.git/info/lfs/objects/…}) and are checked the same way.
     */
    private static String repositoryPath(HttpServletRequest request) {
        String path = path(request);
        return path.startsWith(MOUNT + "/") ? path.substring(MOUNT.length()) : path;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        GitUrls.GitRequest git = GitUrls.parse(repositoryPath(request)).orElseThrow();
        HubUser user = user();
        boolean push = git.isPush() || "git-receive-pack".equals(request.getParameter("service"));
        if (push && user == null) {
            challenge(response, "Pushing needs a personal access token (as the password).");
            return;
        }
        Optional<Repo> repo = find(git.repository(), current.of(user));
        if (repo.isEmpty()) {
            if (user == null) {
                challenge(response, "Repository not found, or it needs a personal access token.");
            } else {
                response.sendError(HttpServletResponse.SC_NOT_FOUND, "Repository not found");
            }
            return;
        }
        if (push && user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("TOKEN_READ"))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "This token has the read scope; pushing needs write.");
            return;
        }
        // A gated repository's files: clones, fetches and LFS downloads pass the same gate as /resolve
        // (uploads to signed LFS links and batch requests do not: download batches pass the gate in
        // LfsWriteAccess.mayDownload, since their links may point at a bucket the hub never sees again).
        boolean download = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
                || git.protocolPath().equals("/git-upload-pack");
        if (download && !push) {
            switch (settings.gate(repo.get(), current.of(user))) {
                case SIGN_IN -> {
                    challenge(response, "This repository is gated: sign in with a personal access token.");
                    return;
                }
                case REFUSED -> {
                    response.sendError(HttpServletResponse.SC_FORBIDDEN, "This repository is gated: only its members"
                            + " may download its files.");
                    return;
                }
                case OPEN -> { }
            }
        }
        request.setAttribute(HubRepositoryLookup.RESOLVED, repo.get());
        if (path(request).startsWith(MOUNT + "/")) {
            chain.doFilter(request, response);
        } else {
            request.getRequestDispatcher(MOUNT + "/" + git.repository() + ".git" + git.protocolPath())
                    .forward(request, response);
        }
    }

    private Optional<Repo> find(String repository, Account viewer) {
        String[] parts = repository.split("/");
        RepoKind kind = parts.length == 3 ? (parts[0].equals("datasets") ? RepoKind.DATASET : RepoKind.TOOL)
                : RepoKind.MODEL;
        String owner = parts[parts.length - 2];
        String name = parts[parts.length - 1];
        return repos.find(kind, owner, name, viewer);
    }

    static HubUser user() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof HubUser user ? user : null;
    }

    private static void challenge(HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Basic realm=\"AdaptHub\", charset=\"UTF-8\"");
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(message + "\n");
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
