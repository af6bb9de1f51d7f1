package dev.adapthub.web.hf;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.common.NotFoundException;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.git.read.ResolvedRevision;
import dev.adapthub.web.browse.UrlSegments;
import dev.adapthub.web.repo.CurrentAccount;
import dev.adapthub.web.security.HubUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Finds what an API address names ({@code /api/{models|datasets|tools}/{owner}/{name}/…}) and turns
 * "not there" into the error codes the clients branch on. A private repository the caller may not
 * read is reported exactly like a missing one.
 */
@Component
class HfRepos {

    /** Segments before an address's own path: {@code api, models, owner, name, tree, rev}. */
    static final int FIXED_SEGMENTS = 6;

    private final RepoService repos;
    private final RepoFiles files;
    private final CurrentAccount current;

    HfRepos(RepoService repos, RepoFiles files, CurrentAccount current) {
        this.repos = repos;
        this.files = files;
        this.current = current;
    }

    static Optional<RepoKind> kind(String type) {
        return switch (type) {
            case "models" -> Optional.of(RepoKind.MODEL);
            case "datasets" -> Optional.of(RepoKind.DATASET);
            case "tools" -> Optional.of(RepoKind.TOOL);
            default -> Optional.empty();
        };
    }

    Account account(HubUser user) {
        return current.of(user);
    }

    /** @throws HfError RepoNotFound: 401 for an anonymous caller, 404 for a signed-in one */
    Repo repo(String type, String owner, String name, HubUser user) {
        Optional<RepoKind> kind = kind(type);
        String id = owner + "/" + name;
        return kind.flatMap(k -> repos.find(k, owner, name, account(user)))
                .orElseThrow(() -> user == null
                        ? HfError.repoNotFound(true, "Repository " + type + "/" + id + " not found, or it is"
                                + " private: send a token with 'Authorization: Bearer ...' if you may read it.")
                        : HfError.repoNotFound(false, "Repository " + type + "/" + id
                                + " not found, or you may not read it."));
    }

    /** Refuses new pull requests (the Hub's discussions) where the repository's settings disable them. */
    static void requireDiscussionsEnabled(Repo repo) {
        if (repo.discussionsDisabled()) {
            throw HfError.forbidden("Discussions are disabled for this repo (" + repo.fullName() + "); its admins"
                    + " may enable them with discussionsDisabled: false in its settings.");
        }
    }

    /** @throws HfError RevisionNotFound, also when the repository has no commits yet */
    ResolvedRevision revision(Repo repo, String revision) {
        String rev = revision == null || revision.isBlank() ? repo.defaultBranch() : revision;
        try {
            return files.resolve(repo, rev).orElseThrow(() -> HfError.revisionNotFound(
                    "Revision '" + rev + "' not found: the repository has no commits yet."));
        } catch (NotFoundException | InvalidInputException e) {
            throw HfError.revisionNotFound("Revision '" + rev + "' not found in " + repo.fullName() + ": "
                    + e.getMessage());
        }
    }

    /** The decoded path after {@code /api/{type}/{owner}/{name}/{action}/{rev}/}, "" when none. */
    static String pathAfterRevision(HttpServletRequest request) {
        String raw = request.getRequestURI().substring(request.getContextPath().length());
        List<String> segments = UrlSegments.decode(raw);
        if (segments.size() <= FIXED_SEGMENTS) {
            return "";
        }
        String path = String.join("/", segments.subList(FIXED_SEGMENTS, segments.size()));
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
