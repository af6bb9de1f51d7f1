package dev.adapthub.core.adaptation;

import dev.adapthub.chips.validate.ValidationReport.Verdict;
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
 * The validation of one inference config on a repository's default branch: which file at which
 * commit (and blob), against which backend and catalog version, reading which model
 * {@code config.json} blob, and the report. When any of those inputs changes the row is stale
 * until the background job validates the file again.
 */
@Entity
@Table(name = "adaptation_validations")
public class AdaptationValidation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "repository_id", nullable = false, updatable = false)
    private long repositoryId;

    @Column(nullable = false, updatable = false)
    private String path;

    @Column(name = "commit_id", nullable = false)
    private String commitId;

    @Column(name = "blob_id", nullable = false)
    private String blobId;

    @Column(nullable = false)
    private String chip;

    @Column(nullable = false)
    private String engine;

    private String quantization;

    @Column(name = "backend_id", nullable = false)
    private String backendId;

    @Column(name = "backend_version", nullable = false)
    private String backendVersion;

    @Column(name = "catalog_version", nullable = false)
    private int catalogVersion;

    @Column(name = "model_config_path")
    private String modelConfigPath;

    @Column(name = "model_config_blob_id")
    private String modelConfigBlobId;

    /** Text, not a JSON mapping: the bytes must stay exactly those {@link #reportDigest} hashes. */
    @Column(name = "report_json", nullable = false, length = 1_000_000)
    private String reportJson;

    @Column(name = "report_digest", nullable = false)
    private String reportDigest;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Verdict verdict;

    @Column(name = "output_tokens_per_s")
    private Double outputTokensPerSecond;

    @Column(nullable = false)
    private boolean stale;

    @Column(name = "stale_reason")
    private String staleReason;

    @Column(name = "validated_at", nullable = false)
    private Instant validatedAt;

    protected AdaptationValidation() {
    }

    AdaptationValidation(long repositoryId, String path) {
        this.repositoryId = repositoryId;
        this.path = path;
    }

    /** Records a fresh validation of the file; clears staleness. */
    void record(Outcome outcome, Instant now) {
        this.commitId = outcome.commitId();
        this.blobId = outcome.blobId();
        this.chip = cap(outcome.chip(), 100);
        this.engine = cap(outcome.engine(), 100);
        this.quantization = outcome.quantization() == null ? null : cap(outcome.quantization(), 100);
        this.backendId = cap(outcome.backendId(), 100);
        this.backendVersion = cap(outcome.backendVersion(), 100);
        this.catalogVersion = outcome.catalogVersion();
        this.modelConfigPath = outcome.modelConfigPath();
        this.modelConfigBlobId = outcome.modelConfigBlobId();
        this.reportJson = outcome.reportJson();
        this.reportDigest = outcome.reportDigest();
        this.verdict = outcome.verdict();
        this.outputTokensPerSecond = outcome.outputTokensPerSecond();
        this.stale = false;
        this.staleReason = null;
        this.validatedAt = now;
    }

    /** The file did not change, only the commit that holds it. */
    void moveTo(String newCommitId) {
        this.commitId = newCommitId;
    }

    void markStale(String reason) {
        this.stale = true;
        this.staleReason = cap(reason, 500);
    }

    private static String cap(String s, int max) {
        return s == null ? "" : s.length() > max ? s.substring(0, max) : s;
    }

    public long id() {
        return id;
    }

    public long repositoryId() {
        return repositoryId;
    }

    public String path() {
        return path;
    }

    /** The file name: the last segment of the path. */
    public String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public String commitId() {
        return commitId;
    }

    public String blobId() {
        return blobId;
    }

    public String chip() {
        return chip;
    }

    public String engine() {
        return engine;
    }

    public String quantization() {
        return quantization;
    }

    public String backendId() {
        return backendId;
    }

    public String backendVersion() {
        return backendVersion;
    }

    public int catalogVersion() {
        return catalogVersion;
    }

    /** The model's {@code config.json} in this repository that the validation read; null when elsewhere. */
    public String modelConfigPath() {
        return modelConfigPath;
    }

    public String modelConfigBlobId() {
        return modelConfigBlobId;
    }

    public String reportJson() {
        return reportJson;
    }

    public String reportDigest() {
        return reportDigest;
    }

    public Verdict verdict() {
        return verdict;
    }

    /** Passed validation (PASS or WARN): offered as a validated download. */
    public boolean passed() {
        return verdict != Verdict.FAIL;
    }

    public Double outputTokensPerSecond() {
        return outputTokensPerSecond;
    }

    public boolean stale() {
        return stale;
    }

    public String staleReason() {
        return staleReason;
    }

    public Instant validatedAt() {
        return validatedAt;
    }
}
