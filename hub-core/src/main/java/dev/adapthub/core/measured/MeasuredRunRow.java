package dev.adapthub.core.measured;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One run file of a config on a repository's default branch, as the last re-index read it. */
@Entity
@Table(name = "measured_runs")
class MeasuredRunRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "repository_id", nullable = false, updatable = false)
    private long repositoryId;

    @Column(name = "config_path", nullable = false)
    private String configPath;

    @Column(name = "run_path", nullable = false, updatable = false)
    private String runPath;

    @Column(name = "commit_id", nullable = false)
    private String commitId;

    @Column(name = "blob_id", nullable = false)
    private String blobId;

    @Column(name = "sidecar_blob_id")
    private String sidecarBlobId;

    @Column(nullable = false)
    private String chip;

    @Column(nullable = false)
    private String engine;

    private String format;

    @Column(nullable = false)
    private boolean accepted;

    @Column(name = "measured_output_tps")
    private Double measuredOutputTps;

    @Column(name = "predicted_output_tps")
    private Double predictedOutputTps;

    @Column(name = "detail_json", nullable = false)
    private String detailJson;

    @Column(name = "indexed_at", nullable = false)
    private Instant indexedAt;

    protected MeasuredRunRow() {
    }

    MeasuredRunRow(long repositoryId, String runPath) {
        this.repositoryId = repositoryId;
        this.runPath = runPath;
    }

    void record(String configPath, String commitId, String blobId, String sidecarBlobId, String chip, String engine,
            RunView view, Double measured, Double predicted, String detailJson, Instant now) {
        this.configPath = configPath;
        this.commitId = commitId;
        this.blobId = blobId;
        this.sidecarBlobId = sidecarBlobId;
        this.chip = cap(chip);
        this.engine = cap(engine);
        this.format = view.format() == null ? null : cap(view.format());
        this.accepted = view.accepted();
        this.measuredOutputTps = measured;
        this.predictedOutputTps = predicted;
        this.detailJson = detailJson;
        this.indexedAt = now;
    }

    private static String cap(String s) {
        return s == null ? "" : s.length() > 100 ? s.substring(0, 100) : s;
    }

    long repositoryId() {
        return repositoryId;
    }

    String configPath() {
        return configPath;
    }

    String runPath() {
        return runPath;
    }

    String chip() {
        return chip;
    }

    boolean accepted() {
        return accepted;
    }

    Double measuredOutputTps() {
        return measuredOutputTps;
    }

    String detailJson() {
        return detailJson;
    }
}
