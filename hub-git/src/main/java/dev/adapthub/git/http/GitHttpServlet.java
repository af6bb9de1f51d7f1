package dev.adapthub.git.http;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;
import java.util.Objects;

import org.eclipse.jgit.http.server.GitServlet;

/**
 * One servlet for a repository's Git and Git LFS URLs: {@code …/info/lfs/…} goes to the
 * {@link LfsServlet}, everything else to JGit's {@link GitServlet}. Register it once, at a prefix
 * such as {@code /git/*}, with {@code asyncSupported=true}.
 * <p>
 * Every 401 carries a {@code WWW-Authenticate} challenge: without one, git's HTTP library does
 * not know how to send the credentials its helper returned and reports "Authentication failed".
 */
public final class GitHttpServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final GitServlet git;
    private final LfsServlet lfs;
    private final String challenge;

    public GitHttpServlet(GitServlet git, LfsServlet lfs, String realm) {
        this.git = Objects.requireNonNull(git, "git");
        this.lfs = Objects.requireNonNull(lfs, "lfs");
        this.challenge = "Basic realm=\"" + realm.replace("\"", "") + "\"";
    }

    /**
     * True when {@code path} (a decoded request path without the context path) is a Git smart-HTTP
     * or Git LFS URL, e.g. {@code /alice/model.git/info/refs} or {@code /datasets/a/b/info/lfs/objects/batch}.
     * hub-web serves repositories at the site root, so it forwards such requests to this
     * servlet's prefix ({@code "/git" + path}) and lets everything else reach its pages.
     */
    public static boolean isGitOrLfsPath(String path) {
        return path != null && (path.endsWith("/info/refs") || path.endsWith("/git-upload-pack")
                || path.endsWith("/git-receive-pack") || path.contains(LfsServlet.MARKER));
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        git.init(config);
        lfs.init(config);
    }

    @Override
    public void destroy() {
        git.destroy();
        lfs.destroy();
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws ServletException, IOException {
        HttpServletResponse challenging = new HttpServletResponseWrapper(res) {
            @Override
            public void sendError(int sc, String msg) throws IOException {
                challengeIf401(sc);
                super.sendError(sc, msg);
            }

            @Override
            public void sendError(int sc) throws IOException {
                challengeIf401(sc);
                super.sendError(sc);
            }

            @Override
            public void setStatus(int sc) {
                challengeIf401(sc);
                super.setStatus(sc);
            }

            private void challengeIf401(int sc) {
                if (sc == SC_UNAUTHORIZED && !containsHeader("WWW-Authenticate")) {
                    setHeader("WWW-Authenticate", challenge);
                }
            }
        };
        if (LfsServlet.isLfsPath(req.getPathInfo())) {
            lfs.service(req, challenging);
        } else {
            git.service(req, challenging);
        }
    }
}
