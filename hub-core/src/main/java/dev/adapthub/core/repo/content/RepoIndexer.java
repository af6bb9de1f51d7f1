package dev.adapthub.core.repo.content;

import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.RepoSummary;
import dev.adapthub.core.repo.card.RepoCards;
import dev.adapthub.git.read.CommitInfo;
import dev.adapthub.git.read.ResolvedRevision;
import dev.adapthub.git.read.TreeEntry;
import dev.adapthub.git.read.TreeListing;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Refreshes a repository's {@link RepoSummary} from its default branch. */
@Service
public class RepoIndexer {

    static final int MAX_README = 1024 * 1024;

    private final RepoFiles files;
    private final RepoService repos;

    RepoIndexer(RepoFiles files, RepoService repos) {
        this.files = files;
        this.repos = repos;
    }

    public RepoSummary refresh(Repo repo) {
        Optional<ResolvedRevision> head = files.resolve(repo, repo.defaultBranch());
        RepoSummary summary;
        if (head.isEmpty()) {
            summary = RepoSummary.EMPTY;
        } else {
            ResolvedRevision at = head.get();
            CommitInfo commit = files.commit(repo, at);
            TreeListing tree = files.list(repo, at, "", true);
            int count = 0;
            long bytes = 0;
            for (TreeEntry entry : tree.entries()) {
                if (entry.kind() == TreeEntry.Kind.FILE) {
                    count++;
                    bytes += entry.contentSize();
                }
            }
            var card = RepoCards.parse(files.readText(repo, at, "README.md", MAX_README).orElse(null)).card();
            summary = RepoSummary.of(commit.id().name(), commit.committer().when(), count, bytes,
                    files.branches(repo).size(), files.tags(repo).size(), card);
        }
        repos.updateSummary(repo, summary);
        return summary;
    }
}
