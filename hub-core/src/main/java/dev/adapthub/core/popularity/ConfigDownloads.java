package dev.adapthub.core.popularity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Reads the validated-config download counts ({@link DownloadCounter#config}). */
@Service
public class ConfigDownloads {

    private final JdbcTemplate jdbc;

    ConfigDownloads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Downloads of each config path of a repository, all time. */
    public Map<String, Long> byPath(long repositoryId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT path, SUM(downloads) AS n FROM config_downloads WHERE repository_id = ? GROUP BY path",
                rs -> {
                    counts.put(rs.getString("path"), rs.getLong("n"));
                }, repositoryId);
        return counts;
    }

    /** Downloads of the given (repository, path) pairs, all time; pairs never downloaded are absent. */
    public Map<String, Long> of(List<Long> repositoryIds) {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (repositoryIds.isEmpty()) {
            return counts;
        }
        String in = String.join(",", java.util.Collections.nCopies(repositoryIds.size(), "?"));
        jdbc.query("SELECT repository_id, path, SUM(downloads) AS n FROM config_downloads WHERE repository_id IN ("
                + in + ") GROUP BY repository_id, path", rs -> {
                    counts.put(key(rs.getLong("repository_id"), rs.getString("path")), rs.getLong("n"));
                }, repositoryIds.toArray());
        return counts;
    }

    /**
     * Downloads of every validated config of the model repositories, all time, keyed
     * {@code owner/name + ":" + path} (the matrix's entries carry the repository's full name).
     */
    public Map<String, Long> ofModels() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT r.owner_name, r.name, c.path, SUM(c.downloads) AS n FROM config_downloads c"
                + " JOIN repositories r ON r.id = c.repository_id WHERE r.kind = 'MODEL'"
                + " GROUP BY r.owner_name, r.name, c.path", rs -> {
                    counts.put(rs.getString("owner_name") + "/" + rs.getString("name") + ":" + rs.getString("path"),
                            rs.getLong("n"));
                });
        return counts;
    }

    /** The key of {@link #of}: {@code repositoryId + ":" + path}. */
    public static String key(long repositoryId, String path) {
        return repositoryId + ":" + path;
    }
}
