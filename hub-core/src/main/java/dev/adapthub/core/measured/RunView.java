package dev.adapthub.core.measured;

import dev.adapthub.chips.results.Comparison;
import dev.adapthub.chips.results.ResultFinding;
import java.util.List;

/**
 * One run file as pages show it: where it is, what it says it measured, whether it was accepted,
 * its findings, and measured against predicted metric by metric.
 *
 * @param format      the tool that wrote it ({@code vllm bench serve}), null when unreadable
 * @param workload    the run's workload in words, null when unknown
 * @param accepted    read and matching its config: shown in the matrix and counted in chip errors
 */
public record RunView(String path, String format, String chip, String engine, String engineVersion, String date,
        String workload, boolean accepted, List<ResultFinding> findings, List<Comparison.Row> rows) {

    public RunView {
        findings = List.copyOf(findings);
        rows = List.copyOf(rows);
    }

    /** The file name, the last segment of the path. */
    public String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The measured figure of a metric, or null. */
    public Comparison.Row row(Comparison.Metric metric) {
        return rows.stream().filter(r -> r.metric() == metric).findFirst().orElse(null);
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(ResultFinding::isError);
    }
}
