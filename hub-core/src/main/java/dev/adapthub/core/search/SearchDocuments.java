package dev.adapthub.core.search;

import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.RepoSummary;
import dev.adapthub.core.repo.card.RepoCards;
import dev.adapthub.core.repo.content.RepoFiles;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The searchable text of each repository: its address (with names split into words, so "Llama-3.1-8B"
 * is found by "llama 8b"), its card fields and its README. A document is rebuilt when the repository's
 * default branch has moved since (its commit differs from the one the row records): before every search
 * for the first {@value #CATCH_UP_PER_SEARCH} such repositories, and by a background job for the rest.
 */
@Service
public class SearchDocuments {

    static final int MAX_DOCUMENT = 32_000;
    static final int MAX_README = 256 * 1024;
    static final int CATCH_UP_PER_SEARCH = 50;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final RepoService repos;
    private final RepoFiles files;
    private final Clock clock;

    SearchDocuments(JdbcTemplate jdbc, PlatformTransactionManager transactions, RepoService repos, RepoFiles files,
            Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.repos = repos;
        this.files = files;
        this.clock = clock;
    }

    /** Rebuilds the documents of at most {@code max} repositories whose branch moved; answers how many. */
    public int catchUp(int max) {
        List<Long> stale = jdbc.query("""
                SELECT r.id FROM repositories r LEFT JOIN repository_search s ON s.repository_id = r.id
                WHERE s.repository_id IS NULL OR s.commit_id IS DISTINCT FROM r.last_commit_id
                ORDER BY r.id""", (rs, i) -> rs.getLong(1), new Object[0]).stream().limit(max).toList();
        for (long id : stale) {
            repos.findById(id).ifPresent(this::rebuild);
        }
        return stale.size();
    }

    void rebuild(Repo repo) {
        RepoSummary summary = repo.summary();
        String readme = summary.lastCommitId() == null ? null : files.resolve(repo, repo.defaultBranch())
                .flatMap(at -> files.readText(repo, at, "README.md", MAX_README)).orElse(null);
        String document = document(repo, summary, readme == null ? "" : RepoCards.parse(readme).markdown());
        tx.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM repository_search WHERE repository_id = ?", repo.id());
            jdbc.update("INSERT INTO repository_search (repository_id, commit_id, document, updated_at)"
                    + " VALUES (?, ?, ?, ?)", repo.id(), summary.lastCommitId(), document,
                    Timestamp.from(clock.instant()));
        });
    }

    static String document(Repo repo, RepoSummary summary, String readmeMarkdown) {
        StringJoiner doc = new StringJoiner("\n");
        doc.add(repo.owner() + "/" + repo.name());
        doc.add(words(repo.owner()) + " " + words(repo.name()));
        List<String> card = new ArrayList<>();
        Optional.ofNullable(summary.license()).ifPresent(card::add);
        Optional.ofNullable(summary.pipelineTag()).ifPresent(card::add);
        Optional.ofNullable(summary.library()).ifPresent(card::add);
        Optional.ofNullable(summary.baseModel()).ifPresent(card::add);
        card.addAll(summary.tags());
        card.addAll(summary.chips());
        card.addAll(summary.engines());
        doc.add(String.join(" ", card));
        doc.add(readmeMarkdown);
        String text = doc.toString();
        return text.length() <= MAX_DOCUMENT ? text : text.substring(0, MAX_DOCUMENT);
    }

    /** "Llama-3.1-8B_Instruct" → "Llama 3.1 8B Instruct". */
    static String words(String name) {
        return name.replaceAll("[-_./]+", " ");
    }
}
