package dev.adapthub.core.popularity;

import dev.adapthub.core.cluster.ClusterGenerations;
import dev.adapthub.core.repo.RepoService;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the counts in a repository's row ({@code RepoPopularity}) in step with the tables:
 * likes, downloads of the last 30 days and of all time, and the trending score
 * {@value #LIKE_WEIGHT} × likes of the last 7 days + downloads of the last 7 days (a like is a
 * stronger signal than a download). One {@code UPDATE} with sub-queries per repository, the same
 * SQL on H2 and PostgreSQL.
 */
@Component
public class Popularity {

    /** How much a recent like weighs against a recent download in the trending score. */
    public static final int LIKE_WEIGHT = 10;

    private static final String REFRESH = """
            UPDATE repositories SET
              likes_count = (SELECT COUNT(*) FROM repo_likes l WHERE l.repository_id = repositories.id),
              downloads_30d = (SELECT COALESCE(SUM(d.downloads), 0) FROM repo_downloads d
                               WHERE d.repository_id = repositories.id AND d.download_day > ?),
              downloads_all = (SELECT COALESCE(SUM(d.downloads), 0) FROM repo_downloads d
                               WHERE d.repository_id = repositories.id),
              trending_score = %d * (SELECT COUNT(*) FROM repo_likes l WHERE l.repository_id = repositories.id
                                     AND l.created_at > ?)
                               + (SELECT COALESCE(SUM(d.downloads), 0) FROM repo_downloads d
                                  WHERE d.repository_id = repositories.id AND d.download_day > ?)
            """.formatted(LIKE_WEIGHT);

    private final JdbcTemplate jdbc;
    private final ClusterGenerations generations;
    private final Clock clock = Clock.systemUTC();

    Popularity(JdbcTemplate jdbc, ClusterGenerations generations) {
        this.jdbc = jdbc;
        this.generations = generations;
    }

    /** Refreshes these repositories' counts. */
    public void refresh(Collection<Long> repositoryIds) {
        for (long id : repositoryIds) {
            jdbc.update(REFRESH + " WHERE id = ?", args(id));
        }
        if (!repositoryIds.isEmpty()) {
            generations.changed(RepoService.ROWS_GENERATION);
        }
    }

    /** Refreshes every repository (hourly, so scores fall as days pass without new downloads). */
    public void refreshAll() {
        if (jdbc.update(REFRESH + " WHERE likes_count > 0 OR downloads_all > 0", args(null)) > 0) {
            generations.changed(RepoService.ROWS_GENERATION);
        }
    }

    private Object[] args(Long id) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        java.time.OffsetDateTime weekAgo = java.time.OffsetDateTime.now(clock).minusDays(7);
        Object[] base = {Date.valueOf(today.minusDays(30)), weekAgo, Date.valueOf(today.minusDays(7))};
        if (id == null) {
            return base;
        }
        return new Object[] {base[0], base[1], base[2], id};
    }
}
