package dev.adapthub.core.adaptation;

import dev.adapthub.chips.catalog.ChipSpec;
import dev.adapthub.core.chip.ChipCenter;
import dev.adapthub.core.measured.MeasuredResults;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/**
 * Models × chips: for each public model repository and chip, the best config on the default
 * branch (passed before failed, then the highest output tokens/s: measured where accepted runs
 * exist, else estimated). Private
 * repositories never appear, whoever asks, so the page and its JSON can be cached and served
 * without a token.
 *
 * <p>The entries are computed once per index {@link AdaptationIndex#generation() generation},
 * which every hub process on the database moves (and at most {@link #MAX_AGE} old, for changes the
 * index does not count: renames, deletions, visibility); filtering a request's view is a pass
 * over them in memory.
 */
@Service
public class AdaptationMatrix {

    static final Duration MAX_AGE = Duration.ofSeconds(10);

    private final AdaptationIndex index;
    private final RepoService repos;
    private final ChipCenter chips;
    private final Clock clock;
    private final MeasuredResults measured;
    private volatile Snapshot snapshot;

    AdaptationMatrix(AdaptationIndex index, RepoService repos, ChipCenter chips, Clock clock, MeasuredResults measured) {
        this.index = index;
        this.repos = repos;
        this.chips = chips;
        this.clock = clock;
        this.measured = measured;
    }

    private record Snapshot(long generation, Instant at, List<MatrixEntry> entries) {
    }

    /** A filtered matrix: models (rows), chips (columns, catalog order) and the best entry per cell. */
    public record Matrix(List<String> models, List<ChipSpec> chips, Map<String, Map<String, MatrixEntry>> cells,
            List<String> engines, List<String> quantizations, List<String> vendors) {

        /** The cell of a model and chip, or null. */
        public MatrixEntry cell(String model, String chip) {
            Map<String, MatrixEntry> row = cells.get(model);
            return row == null ? null : row.get(chip);
        }
    }

    /**
     * Names the snapshot {@link #entries()} and {@link #matrix} answer from (its generation and when it
     * was computed): equal stamps, equal answers for the same filter. Pages use it in their ETag.
     */
    public String stamp() {
        entries();
        Snapshot s = snapshot;
        return s.generation() + "@" + s.at();
    }

    /** Every public entry, best-cached. */
    public List<MatrixEntry> entries() {
        Snapshot s = snapshot;
        long generation = index.generation();
        Instant now = clock.instant();
        if (s == null || s.generation() != generation || s.at().plus(MAX_AGE).isBefore(now)) {
            s = new Snapshot(generation, now, compute());
            snapshot = s;
        }
        return s.entries();
    }

    private List<MatrixEntry> compute() {
        Map<Long, Repo> models = new LinkedHashMap<>();
        for (Repo repo : repos.listPublic(RepoKind.MODEL)) {
            models.put(repo.id(), repo);
        }
        List<MatrixEntry> out = new ArrayList<>();
        Map<Long, Map<String, MeasuredResults.Summary>> runs = measured.summaries();
        for (AdaptationValidation row : index.all()) {
            Repo repo = models.get(row.repositoryId());
            if (repo != null) {
                ChipSpec chip = chips.registry().catalog().find(row.chip()).orElse(null);
                MeasuredResults.Summary summary = runs.getOrDefault(row.repositoryId(), Map.of()).get(row.path());
                out.add(MatrixEntry.of(repo, row, chip, index.isStale(row), summary));
            }
        }
        out.sort(Comparator.comparing(MatrixEntry::repo).thenComparing(MatrixEntry::chip).thenComparing(MatrixEntry::path));
        return List.copyOf(out);
    }

    public Matrix matrix(MatrixFilter filter) {
        List<MatrixEntry> all = entries();
        Map<String, Map<String, MatrixEntry>> cells = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        TreeSet<String> chipIds = new TreeSet<>();
        TreeSet<String> engines = new TreeSet<>();
        TreeSet<String> quantizations = new TreeSet<>();
        TreeSet<String> vendors = new TreeSet<>();
        for (MatrixEntry e : all) {
            engines.add(e.engine());
            if (!e.quantization().isEmpty()) {
                quantizations.add(e.quantization());
            }
            if (!e.vendor().isEmpty()) {
                vendors.add(e.vendor());
            }
            if (!filter.accepts(e)) {
                continue;
            }
            chipIds.add(e.chip());
            cells.computeIfAbsent(e.repo(), k -> new LinkedHashMap<>()).merge(e.chip(), e,
                    (a, b) -> b.rank() > a.rank() ? b : a);
        }
        List<ChipSpec> columns = chips.chips().stream().filter(c -> chipIds.contains(c.id())).toList();
        return new Matrix(List.copyOf(cells.keySet()), columns, cells, List.copyOf(engines),
                List.copyOf(quantizations), List.copyOf(vendors));
    }

    /** The public models validated on a chip, best estimate first (one entry per model: its best). */
    public List<MatrixEntry> onChip(String chipId) {
        Map<String, MatrixEntry> best = new LinkedHashMap<>();
        for (MatrixEntry e : entries()) {
            if (e.chip().equals(chipId)) {
                best.merge(e.repo(), e, (a, b) -> b.rank() > a.rank() ? b : a);
            }
        }
        return best.values().stream().sorted(Comparator.comparingDouble(MatrixEntry::rank).reversed()).toList();
    }
}
