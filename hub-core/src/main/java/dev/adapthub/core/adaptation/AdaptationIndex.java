package dev.adapthub.core.adaptation;

import dev.adapthub.chips.catalog.ChipSpec;
import dev.adapthub.chips.config.ConfigException;
import dev.adapthub.chips.config.InferenceConfig;
import dev.adapthub.chips.config.InferenceConfigParser;
import dev.adapthub.chips.spi.ChipBackendProvider;
import dev.adapthub.core.chip.ChipCenter;
import dev.adapthub.core.cluster.ClusterGenerations;
import dev.adapthub.core.common.HubException;
import dev.adapthub.core.measured.MeasuredResults;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.core.validation.ConfigValidation;
import dev.adapthub.core.validation.ConfigValidations;
import dev.adapthub.git.read.ResolvedRevision;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.adapthub.core.event.AdaptationChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The index of validated inference configs on default branches. {@link #reindex} validates every
 * config at the branch's head and stores one row per file; {@link #markStale} flags rows whose
 * inputs changed (backend or catalog version, the file, the model's {@code config.json}) so pages
 * show them as stale until the background job ({@link AdaptationJobs}) validates them again.
 *
 * <p>{@link #generation()} grows with every change, in whichever hub process it happened
 * ({@link ClusterGenerations}), so readers can cache what they compute from the index (the
 * matrix, the anonymous page cache) and notice when it is out of date.
 */
@Service
public class AdaptationIndex {

    /** The {@link ClusterGenerations} topic of the index: what the matrix and the anonymous page cache follow. */
    static final String GENERATION = "adaptation-index";

    private static final Logger log = LoggerFactory.getLogger(AdaptationIndex.class);

    private final AdaptationValidations rows;
    private final RepoFiles files;
    private final ConfigValidations validations;
    private final ChipCenter chips;
    private final Clock clock;
    private final MeasuredResults measured;
    private final ClusterGenerations generations;

    private final ApplicationEventPublisher events;

    AdaptationIndex(AdaptationValidations rows, RepoFiles files, ConfigValidations validations, ChipCenter chips,
            Clock clock, MeasuredResults measured, ApplicationEventPublisher events, ClusterGenerations generations) {
        this.events = events;
        this.generations = generations;
        this.rows = rows;
        this.files = files;
        this.validations = validations;
        this.chips = chips;
        this.clock = clock;
        this.measured = measured;
    }

    /** What one {@link #reindex} did. */
    public record Result(int validated, int unchanged, int removed) {
    }

    /**
     * Brings the repository's rows up to its default branch: validates configs that are new,
     * changed, stale or read a changed model config, moves unchanged ones to the new commit and
     * drops rows of deleted files.
     */
    @Transactional
    public Result reindex(Repo repo) {
        Optional<ResolvedRevision> head = files.resolve(repo, repo.defaultBranch());
        Map<String, AdaptationValidation> existing = new HashMap<>();
        rows.findByRepositoryIdOrderByPath(repo.id()).forEach(r -> existing.put(r.path(), r));
        if (head.isEmpty()) {
            rows.deleteAll(existing.values());
            bump(existing.size());
            return new Result(0, 0, existing.size());
        }
        ObjectId commit = head.get().commitId();
        int validated = 0;
        int unchanged = 0;
        Set<String> seen = new HashSet<>();
        for (String path : validations.configPaths(repo, commit)) {
            seen.add(path);
            AdaptationValidation row = existing.get(path);
            if (row != null && row.commitId().equals(commit.name()) && !row.stale() && staleReason(row).isEmpty()) {
                unchanged++;
                continue;
            }
            ConfigValidation v;
            try {
                v = validations.validate(repo, commit, path);
            } catch (HubException e) {
                // Listed a moment ago, unreadable now (too large, binary): keep the old row, if any, as it is.
                log.warn("Could not validate {} in {}: {}", path, repo.fullName(), e.getMessage());
                continue;
            }
            if (row != null && !row.stale() && staleReason(row).isEmpty() && row.blobId().equals(v.blobId())
                    && Objects.equals(row.modelConfigBlobId(), v.model() == null ? null : v.model().blobId())) {
                row.moveTo(commit.name());
                unchanged++;
                continue;
            }
            AdaptationValidation target = row != null ? row : new AdaptationValidation(repo.id(), path);
            target.record(outcome(repo, head.get(), path, v), clock.instant());
            rows.save(target);
            events.publishEvent(new AdaptationChanged(repo.id(), path, target.chip(), "validated",
                    target.verdict() == null ? null : target.verdict().name(), commit.name(), null));
            validated++;
        }
        List<AdaptationValidation> gone = existing.values().stream().filter(r -> !seen.contains(r.path())).toList();
        rows.deleteAll(gone);
        // Measured results (adaptations/<config>.results/*.json) of every config at the new head.
        int runs = measured.reindex(repo, commit, List.copyOf(new java.util.TreeSet<>(seen)));
        bump(validated + gone.size() + unchanged + runs);
        if (validated > 0 || !gone.isEmpty()) {
            log.info("Indexed {}: {} configs validated, {} unchanged, {} removed", repo.fullName(), validated,
                    unchanged, gone.size());
        }
        return new Result(validated, unchanged, gone.size());
    }

    private Outcome outcome(Repo repo, ResolvedRevision at, String path, ConfigValidation v) {
        var report = v.report();
        Double tps = report.performance() == null ? null : report.performance().outputTokensPerSecond();
        ConfigValidation.ModelSource model = v.model();
        String modelPath = model != null && model.repo().equals(repo.fullName()) ? model.path() : null;
        return new Outcome(at.commitId().name(), v.blobId(), v.chip(), v.engine(), quantization(repo, at, path),
                v.backendId(), v.backendVersion(), v.catalogVersion(), modelPath, model == null ? null : model.blobId(),
                v.reportJson(), v.reportDigest(), v.verdict(), tps);
    }

    /** The config's quantization scheme, else its weight type ({@code bf16}); null when it does not parse. */
    private String quantization(Repo repo, ResolvedRevision at, String path) {
        try {
            Optional<String> text = files.readText(repo, at, path, 256 * 1024);
            if (text.isEmpty()) {
                return null;
            }
            InferenceConfig config = InferenceConfigParser.parse(text.get());
            if (config.quantization() != null && !config.quantization().isBlank()) {
                return config.quantization();
            }
            return config.precision().weights();
        } catch (ConfigException e) {
            return null;
        }
    }

    /**
     * Why a row no longer describes what validating it now would give, from what the hub knows
     * without opening Git: its backend or the chip's catalog entry changed. Empty when current.
     */
    public String staleReason(AdaptationValidation row) {
        Optional<ChipSpec> chip = chips.registry().catalog().find(row.chip());
        Optional<ChipBackendProvider> backend = chips.backendFor(row.chip());
        if (chip.isPresent() && chip.get().catalogVersion() != row.catalogVersion()) {
            return "The catalog entry of " + row.chip() + " changed (version " + row.catalogVersion() + " → "
                    + chip.get().catalogVersion() + ").";
        }
        if (backend.isPresent() && !row.backendId().isEmpty() && (!backend.get().id().equals(row.backendId())
                || !backend.get().version().equals(row.backendVersion()))) {
            return "The backend changed (" + row.backendId() + " " + row.backendVersion() + " → "
                    + backend.get().id() + " " + backend.get().version() + ").";
        }
        return "";
    }

    /** Whether the row is stale, flagged or by a version change. */
    public boolean isStale(AdaptationValidation row) {
        return row.stale() || !staleReason(row).isEmpty();
    }

    /** Flags every row whose backend or catalog version changed; returns the repositories they belong to. */
    @Transactional
    public Set<Long> markStaleByVersion() {
        Set<Long> repos = new HashSet<>();
        for (AdaptationValidation row : rows.findAll()) {
            String reason = staleReason(row);
            if (!reason.isEmpty()) {
                row.markStale(reason);
                events.publishEvent(stale(row, reason));
                repos.add(row.repositoryId());
            } else if (row.stale()) {
                repos.add(row.repositoryId());
            }
        }
        bump(repos.size());
        return repos;
    }

    /**
     * Flags the repository's rows whose config file or model {@code config.json} is among
     * {@code changedPaths} (what the default branch's move to {@code newHead} changed).
     */
    @Transactional
    public int markStale(Repo repo, ObjectId newHead, Collection<String> changedPaths) {
        Set<String> changed = new HashSet<>(changedPaths);
        String at = newHead.abbreviate(7).name();
        int marked = 0;
        for (AdaptationValidation row : rows.findByRepositoryIdOrderByPath(repo.id())) {
            if (changed.contains(row.path())) {
                row.markStale("The config file changed at " + at + ".");
                events.publishEvent(stale(row, row.staleReason()));
                marked++;
            } else if (row.modelConfigPath() != null && changed.contains(row.modelConfigPath())) {
                row.markStale("The model's " + row.modelConfigPath() + " changed at " + at + ".");
                events.publishEvent(stale(row, row.staleReason()));
                marked++;
            }
        }
        bump(marked);
        return marked;
    }

    private static AdaptationChanged stale(AdaptationValidation row, String reason) {
        return new AdaptationChanged(row.repositoryId(), row.path(), row.chip(), "stale", null, row.commitId(), reason);
    }

    /** Repositories that have index rows. */
    @Transactional(readOnly = true)
    public List<Long> indexedRepositories() {
        return rows.repositoryIds();
    }

    @Transactional(readOnly = true)
    public List<AdaptationValidation> forRepository(Repo repo) {
        return rows.findByRepositoryIdOrderByPath(repo.id());
    }

    @Transactional(readOnly = true)
    public List<AdaptationValidation> all() {
        return new ArrayList<>(rows.findAll());
    }

    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return rows.count() == 0;
    }

    /** The validation of {@code file} (a file name) targeting {@code chip} in the repository. */
    @Transactional(readOnly = true)
    public Optional<AdaptationValidation> find(Repo repo, String chip, String file) {
        return rows.findByRepositoryIdOrderByPath(repo.id()).stream()
                .filter(r -> r.chip().equals(chip) && r.fileName().equals(file)).findFirst();
    }

    /** Grows with every change to the index, made by this hub process or another on the same database. */
    public long generation() {
        return generations.current(GENERATION);
    }

    /** Counts a change once it is visible to other transactions, so no reader caches a result older than its number. */
    private void bump(int changes) {
        if (changes > 0) {
            generations.changed(GENERATION);
        }
    }
}
