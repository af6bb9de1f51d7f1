package dev.adapthub.web.browse;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.common.InvalidInputException;
import dev.adapthub.core.common.NotFoundException;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.git.read.ResolvedRevision;
import dev.adapthub.web.repo.RepoRoute;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Finds the repository, revision and path a browse URL ({@code /{repo}/{action}/{rev}/{path}})
 * names. The revision may contain '/' ({@code refs/pr/3}, {@code feature/x}): the shortest
 * leading run of segments that names a branch, tag or commit wins, the rest is the path.
 */
@Component
class RepoLocator {

    /** Deepest revision tried: ref names with more '/' than this are not browsable by URL. */
    static final int MAX_REVISION_SEGMENTS = 6;

    private final RepoService repos;
    private final RepoFiles files;

    RepoLocator(RepoService repos, RepoFiles files) {
        this.repos = repos;
        this.files = files;
    }

    /** @throws NotFoundException when the repository does not exist or the viewer may not read it */
    Repo repo(HttpServletRequest request, String owner, String name, Account viewer) {
        return repos.get(RepoRoute.kindOf(request), owner, name, viewer);
    }

    /** The decoded segments after {@code /{repo}/{action}/}, from the raw request URI. */
    static List<String> rest(HttpServletRequest request) {
        String raw = request.getRequestURI().substring(request.getContextPath().length());
        List<String> segments = UrlSegments.decode(raw);
        // owner, name, action (+ the kind prefix for datasets and tools)
        int skip = RepoRoute.kindOf(request) == RepoKind.MODEL ? 3 : 4;
        return segments.subList(Math.min(skip, segments.size()), segments.size());
    }

    /**
     * Resolves the revision at the start of {@code rest}, keeping at least {@code pathSegments}
     * segments for the path.
     *
     * @throws NotFoundException when no leading run names a revision (the first segment is reported)
     * @throws InvalidInputException when the first segment is malformed ({@code main~1}, {@code ..})
     */
    Located locate(Repo repo, List<String> rest, int pathSegments) {
        if (rest.isEmpty() || rest.get(0).isEmpty()) {
            throw new InvalidInputException("revision", "The address names no revision; give a branch, tag or commit.");
        }
        RuntimeException first = null;
        int max = Math.min(MAX_REVISION_SEGMENTS, rest.size() - pathSegments);
        for (int n = 1; n <= Math.max(1, max); n++) {
            String revision = String.join("/", rest.subList(0, n));
            try {
                Optional<ResolvedRevision> at = files.resolve(repo, revision);
                if (at.isEmpty()) {
                    throw new NotFoundException("The repository has no commits yet; push some first.");
                }
                String path = String.join("/", rest.subList(n, rest.size()));
                return new Located(repo, revision, at.get(), path);
            } catch (NotFoundException | InvalidInputException e) {
                if (first == null) {
                    first = e;
                }
                if (e instanceof InvalidInputException && n == 1) {
                    break;
                }
            }
        }
        throw first;
    }

    /** Just a revision: everything after the action is the revision ({@code /commits/refs/pr/3}). */
    Located revisionOnly(Repo repo, List<String> rest) {
        String revision = String.join("/", rest);
        if (revision.isEmpty()) {
            throw new InvalidInputException("revision", "The address names no revision; give a branch, tag or commit.");
        }
        ResolvedRevision at = files.resolve(repo, revision)
                .orElseThrow(() -> new NotFoundException("The repository has no commits yet; push some first."));
        return new Located(repo, revision, at, "");
    }
}
