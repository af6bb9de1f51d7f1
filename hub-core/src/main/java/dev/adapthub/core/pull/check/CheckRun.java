package dev.adapthub.core.pull.check;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The validation of one inference config of a pull request at one head commit on one chip.
 * Bound to the head: a run of an older head is history and never decides a newer head's merge.
 */
@Entity
@Table(name = "check_runs")
public class CheckRun {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "repository_id", nullable = false, updatable = false)
    private long repositoryId;

    @Column(name = "pull_request_id", nullable = false, updatable = false)
    private long pullRequestId;

    @Column(name = "head_commit", nullable = false, updatable = false)
    private String headCommit;

    @Column(name = "config_path", nullable = false, updatable = false)
    private String configPath;

    /** The chip asked for: null for the config's own target. */
    @Column(updatable = false)
    private String chip;

    /** The chip the run validated on, known once it ran. */
    @Column(name = "validated_chip")
    private String validatedChip;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CheckStatus status;

    private String verdict;
    private String engine;

    @Column(name = "backend_id")
    private String backendId;

    @Column(name = "backend_version")
    private String backendVersion;

    @Column(name = "catalog_version")
    private String catalogVersion;

    private String summary;

    @Column(name = "report_json")
    private String reportJson;

    @Column(name = "report_digest")
    private String reportDigest;

    /** The config's measured results at the head ({@code MeasuredResults.toJson}); null when it has none. */
    @Column(name = "results_json")
    private String resultsJson;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected CheckRun() {
    }

    CheckRun(long repositoryId, long pullRequestId, String headCommit, String configPath, String chip, Instant now) {
        this.repositoryId = repositoryId;
        this.pullRequestId = pullRequestId;
        this.headCommit = headCommit;
        this.configPath = configPath;
        this.chip = chip;
        this.status = CheckStatus.PENDING;
        this.createdAt = now;
    }

    public long id() {
        return id;
    }

    public long repositoryId() {
        return repositoryId;
    }

    public long pullRequestId() {
        return pullRequestId;
    }

    public String headCommit() {
        return headCommit;
    }

    public String configPath() {
        return configPath;
    }

    /** The chip asked for, null for the config's own target. */
    public String chip() {
        return chip;
    }

    /** The chip validated on: the one asked for, or the config's target once known. */
    public String validatedChip() {
        return validatedChip != null ? validatedChip : chip;
    }

    public CheckStatus status() {
        return status;
    }

    public String verdict() {
        return verdict;
    }

    public String engine() {
        return engine;
    }

    public String backendId() {
        return backendId;
    }

    public String backendVersion() {
        return backendVersion;
    }

    public String catalogVersion() {
        return catalogVersion;
    }

    /** One line for the checks tab: the verdict's reason or the error. */
    public String summary() {
        return summary;
    }

    public String reportJson() {
        return reportJson;
    }

    public String reportDigest() {
        return reportDigest;
    }

    /** The measured results the run checked, as JSON ({@code MeasuredResults.evaluationFromJson}); null when none. */
    public String resultsJson() {
        return resultsJson;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    /** The name shown on the checks tab: {@code validate adaptations/x.yaml on ascend-910b3}. */
    public String name() {
        return "validate " + configPath + (validatedChip() == null ? "" : " on " + validatedChip());
    }

    void finish(CheckStatus status, String verdict, String chip, String engine, String backendId,
            String backendVersion, String catalogVersion, String summary, String reportJson, String reportDigest,
            Instant now) {
        this.status = status;
        this.verdict = verdict;
        this.validatedChip = chip;
        this.engine = engine;
        this.backendId = backendId;
        this.backendVersion = backendVersion;
        this.catalogVersion = catalogVersion;
        this.summary = summary;
        this.reportJson = reportJson;
        this.reportDigest = reportDigest;
        this.finishedAt = now;
    }

    /** Attaches the config's measured results; a run file with errors fails the check. */
    void attachResults(String json, boolean errors, String errorSummary) {
        this.resultsJson = json;
        if (errors && status == CheckStatus.SUCCESS) {
            this.status = CheckStatus.FAILURE;
        }
        if (errorSummary != null) {
            String s = summary == null ? errorSummary : summary + "; " + errorSummary;
            this.summary = s.length() > 1900 ? s.substring(0, 1900) + "…" : s;
        }
    }

    void fail(String message, Instant now) {
        this.status = CheckStatus.ERROR;
        this.summary = message.length() > 1900 ? message.substring(0, 1900) + "…" : message;
        this.finishedAt = now;
    }
}
