package dev.adapthub.core.measured;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adapthub.chips.results.Comparison;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Measured results beside every estimate. Pull-request checks {@link #evaluate} a config's results
 * folder at the head; the adaptation index {@link #reindex}es the folders of a default branch into
 * rows that the report page ({@link #forConfig}), the matrix ({@link #summaries}) and the chip page
 * ({@link #errorsOnChip}) read. Only accepted runs (read, matching their config, physically
 * possible) count; rejected ones keep their findings for the report page.
 */
@Service
public class MeasuredResults {

    private static final Logger log = LoggerFactory.getLogger(MeasuredResults.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final ResultsEvaluator evaluator;
    private final MeasuredRunRows rows;
    private final RepoService repos;
    private final Clock clock;

    MeasuredResults(ResultsEvaluator evaluator, MeasuredRunRows rows, RepoService repos, Clock clock) {
        this.evaluator = evaluator;
        this.rows = rows;
        this.repos = repos;
        this.clock = clock;
    }

    /** The config's results folder at a commit, judged (empty when it has none). */
    public Evaluation evaluate(Repo repo, ObjectId commit, String configPath) {
        return evaluator.evaluate(repo, commit, configPath);
    }

    /**
     * Brings the repository's rows up to {@code head}: the runs of every config in
     * {@code configPaths}, judged again (the estimate beside them may have changed with the
     * backend); rows of runs that are gone are dropped. Returns how many rows changed.
     */
    @Transactional
    public int reindex(Repo repo, ObjectId head, List<String> configPaths) {
        Map<String, MeasuredRunRow> existing = new HashMap<>();
        rows.findByRepositoryIdOrderByRunPath(repo.id()).forEach(r -> existing.put(r.runPath(), r));
        Set<String> seen = new HashSet<>();
        int changed = 0;
        for (String config : configPaths) {
            List<ResultsEvaluator.Judged> judged;
            try {
                judged = evaluator.evaluateJudged(repo, head, config).judged();
            } catch (RuntimeException e) {
                // One unreadable folder must not stop the index; its old rows stay until it reads again.
                log.warn("Could not read the measured results of {} in {}: {}", config, repo.fullName(), e.toString());
                existing.values().stream().filter(r -> r.configPath().equals(config)).forEach(r -> seen.add(r.runPath()));
                continue;
            }
            for (ResultsEvaluator.Judged j : judged) {
                seen.add(j.view().path());
                MeasuredRunRow row = existing.computeIfAbsent(j.view().path(), p -> new MeasuredRunRow(repo.id(), p));
                row.record(config, head.name(), j.blobId(), j.sidecarBlobId(), j.chip(), j.engine(), j.view(),
                        j.view().accepted() ? j.measuredOutputTps() : null, j.predictedOutputTps(), toJson(j.view()),
                        clock.instant());
                rows.save(row);
                changed++;
            }
        }
        List<MeasuredRunRow> gone = existing.values().stream().filter(r -> !seen.contains(r.runPath())).toList();
        rows.deleteAll(gone);
        return changed + gone.size();
    }

    /** The runs of one config on the default branch, by path. */
    @Transactional(readOnly = true)
    public List<RunView> forConfig(Repo repo, String configPath) {
        return rows.findByRepositoryIdAndConfigPathOrderByRunPath(repo.id(), configPath).stream()
                .map(r -> fromJson(r.detailJson())).toList();
    }

    /** What the matrix shows of a config's measurements: the median measured output tokens/s and how many runs. */
    public record Summary(double outputTokensPerSecond, int runs) {
    }

    /** Summaries of every config with accepted measured output throughput, keyed by repository id and config path. */
    @Transactional(readOnly = true)
    public Map<Long, Map<String, Summary>> summaries() {
        Map<Long, Map<String, List<Double>>> values = new HashMap<>();
        for (MeasuredRunRow r : rows.findByAcceptedTrue()) {
            if (r.measuredOutputTps() != null) {
                values.computeIfAbsent(r.repositoryId(), k -> new HashMap<>())
                        .computeIfAbsent(r.configPath(), k -> new ArrayList<>()).add(r.measuredOutputTps());
            }
        }
        Map<Long, Map<String, Summary>> out = new HashMap<>();
        values.forEach((repo, byPath) -> byPath.forEach((path, v) -> out.computeIfAbsent(repo, k -> new HashMap<>())
                .put(path, new Summary(Comparison.median(v), v.size()))));
        return out;
    }

    /**
     * The estimate's error on a chip, per metric, over every accepted run of a public model.
     *
     * @param medianError         signed: +0.2 means estimates run 20% above the measurements
     * @param medianAbsoluteError how far off a typical estimate is, either way
     */
    public record MetricError(Comparison.Metric metric, int count, double medianError, double medianAbsoluteError) {
    }

    @Transactional(readOnly = true)
    public List<MetricError> errorsOnChip(String chipId) {
        Set<Long> publicModels = new HashSet<>();
        repos.listPublic(RepoKind.MODEL).forEach(r -> publicModels.add(r.id()));
        Map<Comparison.Metric, List<Double>> errors = new java.util.EnumMap<>(Comparison.Metric.class);
        for (MeasuredRunRow r : rows.findByChipAndAcceptedTrue(chipId)) {
            if (!publicModels.contains(r.repositoryId())) {
                continue;
            }
            for (Comparison.Row row : fromJson(r.detailJson()).rows()) {
                if (row.error() != null) {
                    errors.computeIfAbsent(row.metric(), k -> new ArrayList<>()).add(row.error());
                }
            }
        }
        List<MetricError> out = new ArrayList<>();
        errors.forEach((metric, e) -> out.add(new MetricError(metric, e.size(), Comparison.median(e),
                Comparison.median(e.stream().map(Math::abs).toList()))));
        return out;
    }

    /** An evaluation as the check run stores it. */
    public static String toJson(Evaluation evaluation) {
        return write(evaluation);
    }

    /** A stored evaluation; null for null or unreadable text (a row written by an older hub). */
    public static Evaluation evaluationFromJson(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return JSON.readValue(json, Evaluation.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String toJson(RunView view) {
        return write(view);
    }

    private static RunView fromJson(String json) {
        try {
            return JSON.readValue(json, RunView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored run view does not read back: " + e.getOriginalMessage(), e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("evaluations and run views are plain values", e);
        }
    }
}
