package dev.adapthub.core.popularity;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.cluster.ClusterGenerations;
import dev.adapthub.core.cluster.RowsKept;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoPermission;
import dev.adapthub.core.repo.RepoService;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Signed-in accounts like repositories they can read. Liking twice is one like; a repository the
 * account cannot read is "not found" (404), never "forbidden", so likes do not reveal it.
 *
 * <p>Whether the viewer likes a repository is asked on every signed-in repository page (4% of its
 * time, issue #15's profile), and is kept until a like or unlike, here or in another process, moves
 * the cluster generation {@value #GENERATION}. A deleted repository's likes go with it in SQL;
 * nothing asks about them again, since repository ids are never reused.
 */
@Service
public class Likes {

    static final String GENERATION = "likes";

    private final JdbcTemplate jdbc;
    private final RepoService repos;
    private final Popularity popularity;
    private final ClusterGenerations generations;
    private final RowsKept<Liking, Boolean> liked;

    Likes(JdbcTemplate jdbc, RepoService repos, Popularity popularity, ClusterGenerations generations) {
        this.jdbc = jdbc;
        this.repos = repos;
        this.popularity = popularity;
        this.generations = generations;
        this.liked = RowsKept.entries(generations, 10_000, GENERATION);
    }

    /** One account's view of one repository. */
    private record Liking(long repositoryId, long accountId) {
    }

    /** Likes {@code repo}; answers the repository's like count afterwards. */
    public long like(Repo repo, Account account) {
        repos.require(repo, account, RepoPermission.READ);
        boolean already = liked(repo, account);
        if (!already) {
            try {
                jdbc.update("INSERT INTO repo_likes (repository_id, account_id, created_at) VALUES (?, ?, ?)",
                        repo.id(), account.id().value(), OffsetDateTime.now(ZoneOffset.UTC));
            } catch (DuplicateKeyException twice) {
                // The same account liked it from another tab at the same moment: one like.
            }
            generations.changed(GENERATION);
        }
        popularity.refresh(Set.of(repo.id()));
        return count(repo);
    }

    /** Takes a like back; answers the repository's like count afterwards. */
    public long unlike(Repo repo, Account account) {
        repos.require(repo, account, RepoPermission.READ);
        jdbc.update("DELETE FROM repo_likes WHERE repository_id = ? AND account_id = ?", repo.id(),
                account.id().value());
        generations.changed(GENERATION);
        popularity.refresh(Set.of(repo.id()));
        return count(repo);
    }

    public boolean liked(Repo repo, Account account) {
        if (account == null) {
            return false;
        }
        Liking liking = new Liking(repo.id(), account.id().value());
        return liked.get(liking, () -> {
            Long n = jdbc.queryForObject("SELECT COUNT(*) FROM repo_likes WHERE repository_id = ? AND account_id = ?",
                    Long.class, liking.repositoryId(), liking.accountId());
            return n != null && n > 0;
        });
    }

    public long count(Repo repo) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM repo_likes WHERE repository_id = ?", Long.class, repo.id());
        return n == null ? 0 : n;
    }

    /** Names of the accounts that like {@code repo}, most recent first, at most {@code limit}. */
    public List<String> likers(Repo repo, int limit) {
        return jdbc.queryForList("SELECT a.name FROM repo_likes l JOIN accounts a ON a.id = l.account_id"
                + " WHERE l.repository_id = ? ORDER BY l.created_at DESC, a.name LIMIT ?", String.class, repo.id(),
                Math.max(1, Math.min(limit, 1000)));
    }

    /** Ids of the repositories {@code account} likes, most recent first (the caller filters by visibility). */
    public List<Long> likedBy(Account account, int limit) {
        return jdbc.queryForList("SELECT repository_id FROM repo_likes WHERE account_id = ?"
                + " ORDER BY created_at DESC LIMIT ?", Long.class, account.id().value(), Math.max(1, Math.min(limit, 1000)));
    }
}
