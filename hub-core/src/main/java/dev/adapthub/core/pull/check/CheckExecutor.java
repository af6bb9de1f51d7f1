package dev.adapthub.core.pull.check;

import dev.adapthub.chips.validate.Severity;
import dev.adapthub.core.common.HubException;
import dev.adapthub.core.event.CheckCompleted;
import dev.adapthub.core.measured.Evaluation;
import dev.adapthub.core.measured.MeasuredResults;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.validation.ConfigValidation;
import dev.adapthub.core.validation.ConfigValidations;
import java.time.Clock;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one pending check: validates the config at the run's head against its chip and stores
 * the verdict (PASS and WARN succeed, FAIL fails) with the backend and the report. A validation
 * that throws becomes an {@code error} run with the reason, never a lost job.
 */
@Component
class CheckExecutor {

    private static final Logger log = LoggerFactory.getLogger(CheckExecutor.class);

    private final CheckRunRows rows;
    private final RepoService repos;
    private final ConfigValidations validations;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final MeasuredResults measured;
    private final ApplicationEventPublisher events;

    CheckExecutor(CheckRunRows rows, RepoService repos, ConfigValidations validations, TransactionTemplate tx,
            Clock clock, MeasuredResults measured, ApplicationEventPublisher events) {
        this.events = events;
        this.rows = rows;
        this.repos = repos;
        this.validations = validations;
        this.tx = tx;
        this.clock = clock;
        this.measured = measured;
    }

    void run(long runId) {
        CheckRun run = rows.findById(runId).orElse(null);
        if (run == null || run.status().finished()) {
            return;
        }
        Repo repo = repos.findById(run.repositoryId()).orElse(null);
        if (repo == null) {
            return;
        }
        try {
            ConfigValidation result = validations.validate(repo, ObjectId.fromString(run.headCommit()),
                    run.configPath(), run.chip());
            CheckStatus status = result.passed() ? CheckStatus.SUCCESS : CheckStatus.FAILURE;
            String summary = summaryOf(result);
            // Measured results belong to the config's own chip, not to the repository's extra chips.
            Evaluation results = run.chip() == null
                    ? measured.evaluate(repo, ObjectId.fromString(run.headCommit()), run.configPath()) : null;
            boolean badResults = results != null && !results.isEmpty() && results.hasErrors();
            save(runId, r -> {
                r.finish(status, result.verdict().name(), result.chip(), result.engine(),
                        result.backendId(), result.backendVersion(), String.valueOf(result.catalogVersion()), summary,
                        result.reportJson(), result.reportDigest(), clock.instant());
                if (results != null && !results.isEmpty()) {
                    r.attachResults(MeasuredResults.toJson(results), results.hasErrors(), resultsSummary(results));
                }
            });
            CheckStatus finalStatus = badResults && status == CheckStatus.SUCCESS ? CheckStatus.FAILURE : status;
            events.publishEvent(new CheckCompleted(run.repositoryId(), run.pullRequestId(), runId, run.name(),
                    run.headCommit(), finalStatus.label(), summary));
        } catch (HubException | IllegalArgumentException | IllegalStateException e) {
            log.info("Check {} ({}) ended in error: {}", runId, run.name(), e.getMessage());
            save(runId, r -> r.fail("The check could not run: " + e.getMessage(), clock.instant()));
            events.publishEvent(new CheckCompleted(run.repositoryId(), run.pullRequestId(), runId, run.name(),
                    run.headCommit(), CheckStatus.ERROR.label(), e.getMessage()));
        }
    }

    private static String summaryOf(ConfigValidation result) {
        String findings = result.report().findings().stream()
                .filter(f -> f.severity() != Severity.INFO)
                .limit(3)
                .map(f -> f.code() + ": " + f.message())
                .collect(Collectors.joining("; "));
        if (findings.isEmpty()) {
            return null;
        }
        return findings.length() > 1800 ? findings.substring(0, 1800) + "…" : findings;
    }

    private static String resultsSummary(Evaluation results) {
        var errors = results.errors();
        if (errors.isEmpty()) {
            return null;
        }
        return "measured results: " + errors.stream().limit(3)
                .map(f -> f.code() + " " + f.path() + ": " + f.message()).collect(Collectors.joining("; "));
    }

    private void save(long runId, java.util.function.Consumer<CheckRun> change) {
        tx.executeWithoutResult(status -> rows.findById(runId).ifPresent(change));
    }
}
