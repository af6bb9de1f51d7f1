package dev.adapthub.core.measured;

import dev.adapthub.chips.catalog.ChipSpec;
import dev.adapthub.chips.config.InferenceConfig;
import dev.adapthub.chips.model.ModelArchitecture;
import dev.adapthub.chips.results.Comparison;
import dev.adapthub.chips.results.MeasuredRun;
import dev.adapthub.chips.results.Predicted;
import dev.adapthub.chips.results.ResultCodes;
import dev.adapthub.chips.results.ResultFinding;
import dev.adapthub.chips.results.ResultsLayout;
import dev.adapthub.chips.results.RunCheck;
import dev.adapthub.chips.results.RunExpectation;
import dev.adapthub.chips.results.RunReader;
import dev.adapthub.chips.validate.Severity;
import dev.adapthub.chips.validate.ValidationReport;
import dev.adapthub.core.chip.ChipCenter;
import dev.adapthub.core.common.HubException;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.core.validation.ConfigValidations;
import dev.adapthub.git.read.BlobContent;
import dev.adapthub.git.read.ResolvedRevision;
import dev.adapthub.git.read.TreeEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.springframework.stereotype.Component;

/**
 * Reads a config's results folder at a commit and judges every run in it: read
 * ({@link RunReader}), matched against the config ({@link RunCheck}) and set beside the estimate
 * the backend gives for the run's own workload ({@link ConfigValidations#validateWithWorkload}).
 */
@Component
class ResultsEvaluator {

    private final RepoFiles files;
    private final ConfigValidations validations;
    private final ChipCenter chips;

    ResultsEvaluator(RepoFiles files, ConfigValidations validations, ChipCenter chips) {
        this.files = files;
        this.validations = validations;
        this.chips = chips;
    }

    /** One evaluated run file, with the blobs it was read from. */
    record Judged(RunView view, String blobId, String sidecarBlobId, String chip, String engine,
            Double measuredOutputTps, Double predictedOutputTps) {
    }

    /** The evaluation of the config at {@code configPath}; empty when it has no results folder. */
    Evaluation evaluate(Repo repo, ObjectId commit, String configPath) {
        return evaluateJudged(repo, commit, configPath).evaluation();
    }

    record Outcome(Evaluation evaluation, List<Judged> judged) {
    }

    Outcome evaluateJudged(Repo repo, ObjectId commit, String configPath) {
        ResolvedRevision at = new ResolvedRevision(commit.name(), commit, null);
        String folder = ResultsLayout.folderOf(configPath);
        Optional<TreeEntry> dir = files.entry(repo, at, folder);
        if (dir.isEmpty() || dir.get().kind() != TreeEntry.Kind.FOLDER) {
            return new Outcome(Evaluation.none(configPath, folder), List.of());
        }
        List<ResultFinding> folderFindings = new ArrayList<>();
        Map<String, TreeEntry> sidecars = new HashMap<>();
        List<TreeEntry> runs = new ArrayList<>();
        for (TreeEntry e : files.list(repo, at, folder, false).entries()) {
            if (e.kind() == TreeEntry.Kind.FILE && ResultsLayout.isJson(e.path())) {
                if (RunReader.isSidecar(e.path())) {
                    sidecars.put(e.path(), e);
                } else {
                    runs.add(e);
                }
            } else {
                folderFindings.add(new ResultFinding(ResultCodes.NOT_A_RUN_FILE, Severity.ERROR, e.path(),
                        "a results folder holds run files (.json) and their sidecars (.meta.json) only",
                        "remove " + e.name() + ", or save the run as JSON (vllm bench serve --save-result, "
                                + "llama-bench -o json)"));
            }
        }
        runs.sort(java.util.Comparator.comparing(TreeEntry::path));
        for (String sidecar : sidecars.keySet()) {
            String run = sidecar.substring(0, sidecar.length() - ".meta.json".length()) + ".json";
            if (runs.stream().noneMatch(r -> r.path().equals(run))) {
                folderFindings.add(new ResultFinding(ResultCodes.ORPHAN_SIDECAR, Severity.WARNING, sidecar,
                        "no run file " + run + " for this sidecar", "name the sidecar after its run: <run>.meta.json"));
            }
        }
        if (runs.size() > ResultsLayout.MAX_RUNS_PER_CONFIG) {
            folderFindings.add(new ResultFinding(ResultCodes.TOO_MANY_FILES, Severity.WARNING, folder, runs.size()
                    + " run files; the first " + ResultsLayout.MAX_RUNS_PER_CONFIG + " by name are read",
                    "keep the runs that matter, or split them over configs"));
            runs = runs.subList(0, ResultsLayout.MAX_RUNS_PER_CONFIG);
        }
        Context context = context(repo, commit, configPath);
        List<Judged> judged = new ArrayList<>();
        for (TreeEntry run : runs) {
            TreeEntry sidecar = sidecars.get(RunReader.sidecarPath(run.path()));
            judged.add(judge(repo, at, commit, configPath, run, sidecar, context));
        }
        return new Outcome(new Evaluation(configPath, folder, judged.stream().map(Judged::view).toList(),
                folderFindings), judged);
    }

    /** What the config says, read once per folder. Null parts: the config does not parse. */
    private record Context(InferenceConfig config, RunExpectation expectation) {
    }

    private Context context(Repo repo, ObjectId commit, String configPath) {
        InferenceConfig config = validations.parse(repo, commit, configPath).orElse(null);
        if (config == null) {
            return new Context(null, null);
        }
        ModelArchitecture model = validations.model(repo, commit, configPath, config).orElse(null);
        ChipSpec chip = chips.registry().catalog().find(config.target().chip()).orElse(null);
        InferenceConfig.Parallel p = config.parallel();
        int tp = p == null ? 1 : p.tensorOrOne();
        int pp = p == null ? 1 : p.pipelineOrOne();
        int ep = p == null || p.expert() == null ? 1 : p.expert();
        int devices = config.target().devices() != null ? config.target().devices() : tp * pp;
        List<String> names = config.model().repo() != null ? List.of(config.model().repo()) : List.of(repo.fullName());
        InferenceConfig.Workload w = config.workload();
        MeasuredRun.Workload workload = w == null ? null
                : new MeasuredRun.Workload(w.inputTokens(), w.outputTokens(), w.concurrency(), null);
        return new Context(config, new RunExpectation(names, config.target().chip(), chip, devices, tp, pp, ep,
                config.engine().name(), config.engine().version(), model, workload));
    }

    private Judged judge(Repo repo, ResolvedRevision at, ObjectId commit, String configPath, TreeEntry run,
            TreeEntry sidecar, Context context) {
        RunReader.Read read;
        if (run.size() > RunReader.MAX_BYTES) {
            read = RunReader.tooLarge(run.path(), run.size());
        } else {
            // Reads stop one byte past each limit: enough for the reader to say the file is too large.
            read = RunReader.read(run.path(), bytes(repo, at, run.path(), RunReader.MAX_BYTES + 1),
                    sidecar == null ? null : bytes(repo, at, sidecar.path(), RunReader.MAX_SIDECAR_BYTES + 1));
        }
        List<ResultFinding> findings = new ArrayList<>(read.findings());
        MeasuredRun measured = read.run();
        List<Comparison.Row> rows = List.of();
        if (measured != null && context.expectation() != null) {
            findings.addAll(RunCheck.check(run.path(), measured, context.expectation()));
            rows = Comparison.of(measured.metrics(), predict(repo, commit, configPath, context.config(), measured));
        } else if (measured != null) {
            findings.add(new ResultFinding(ResultCodes.CONFIG_INVALID, Severity.ERROR, configPath, "the config this run "
                    + "belongs to does not parse, so the run cannot be checked against it", "fix the config first"));
        }
        boolean accepted = measured != null && findings.stream().noneMatch(ResultFinding::isError);
        RunView view = new RunView(run.path(), measured == null ? null : measured.format().label(),
                measured == null ? null : measured.chip(), measured == null ? null : measured.engine(),
                measured == null ? null : measured.engineVersion(), measured == null ? null : measured.date(),
                measured == null ? null : workloadText(measured.workload()), accepted, findings, rows);
        Comparison.Row out = view.row(Comparison.Metric.OUTPUT_TOKENS_PER_SECOND);
        String chip = context.config() == null ? "" : context.config().target().chip();
        String engine = context.config() == null ? "" : context.config().engine().name();
        return new Judged(view, run.id().name(), sidecar == null ? null : sidecar.id().name(), chip, engine,
                out == null ? null : out.measured(), out == null ? null : out.predicted());
    }

    /** The estimate for the run's workload (the config's where the run does not say); null when there is none. */
    private Predicted predict(Repo repo, ObjectId commit, String configPath, InferenceConfig config, MeasuredRun run) {
        InferenceConfig.Workload base = config.workload();
        MeasuredRun.Workload w = run.workload();
        InferenceConfig.Workload workload = new InferenceConfig.Workload(
                pick(w.inputTokens(), base == null ? null : base.inputTokens()),
                pick(w.outputTokens(), base == null ? null : base.outputTokens()),
                pick(w.concurrency(), base == null ? null : base.concurrency()));
        try {
            ValidationReport report = validations.validateWithWorkload(repo, commit, configPath, config, workload);
            if (report.performance() == null) {
                return null;
            }
            Integer input = workload.inputTokens();
            return Predicted.of(report.performance(), input);
        } catch (HubException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Integer pick(Integer preferred, Integer fallback) {
        return preferred != null ? preferred : fallback;
    }

    private static String workloadText(MeasuredRun.Workload w) {
        List<String> parts = new ArrayList<>();
        if (w.inputTokens() != null || w.outputTokens() != null) {
            parts.add((w.inputTokens() == null ? "?" : w.inputTokens()) + " → "
                    + (w.outputTokens() == null ? "?" : w.outputTokens()) + " tokens");
        }
        if (w.concurrency() != null) {
            parts.add(w.concurrency() + " at once");
        }
        if (w.requests() != null) {
            parts.add(w.requests() + " requests");
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private byte[] bytes(Repo repo, ResolvedRevision at, String path, int limit) {
        BlobContent blob = files.open(repo, at, path);
        try (InputStream in = blob.openStream()) {
            return in.readNBytes(limit);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + path, e);
        }
    }
}
