package dev.adapthub.web.popularity;

import dev.adapthub.core.adaptation.AdaptationMatrix;
import dev.adapthub.core.adaptation.MatrixEntry;
import dev.adapthub.core.popularity.ConfigDownloads;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Validated-config downloads for the matrix and the chip pages ("most used config for this chip"),
 * read at most every {@link #TTL} (one grouped query for all models).
 */
@Component("configUsage")
public class ConfigUsage {

    static final Duration TTL = Duration.ofSeconds(10);

    private final ConfigDownloads downloads;
    private final AdaptationMatrix matrix;
    private volatile Cached cached;

    private record Cached(Instant at, Map<String, Long> counts) {
    }

    /** A config and its downloads. */
    public record Used(MatrixEntry entry, long downloads) {
    }

    ConfigUsage(ConfigDownloads downloads, AdaptationMatrix matrix) {
        this.downloads = downloads;
        this.matrix = matrix;
    }

    public long downloads(MatrixEntry entry) {
        return counts().getOrDefault(entry.repo() + ":" + entry.path(), 0L);
    }

    /** The validated config with the most downloads on a chip (passed ones only); empty when none was downloaded. */
    public Optional<Used> mostUsedOn(String chipId) {
        return matrix.entries().stream().filter(e -> e.chip().equals(chipId) && e.passed())
                .map(e -> new Used(e, downloads(e))).filter(u -> u.downloads() > 0)
                .max(Comparator.comparingLong(Used::downloads).thenComparing(u -> u.entry().repo(),
                        Comparator.reverseOrder()));
    }

    /** Names the download counts {@link #downloads} answers from: equal stamps, equal counts. */
    public String stamp() {
        counts();
        return String.valueOf(cached.at());
    }

    private Map<String, Long> counts() {
        Cached c = cached;
        Instant now = Instant.now();
        if (c == null || c.at().plus(TTL).isBefore(now)) {
            c = new Cached(now, downloads.ofModels());
            cached = c;
        }
        return c.counts();
    }
}
