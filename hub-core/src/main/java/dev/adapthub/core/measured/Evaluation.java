package dev.adapthub.core.measured;

import dev.adapthub.chips.results.ResultFinding;
import java.util.List;

/**
 * The measured results of one config at one commit: every run file of its results folder and the
 * findings that belong to the folder rather than to one run (a file that is not JSON, a sidecar
 * without its run, too many files).
 */
public record Evaluation(String configPath, String folder, List<RunView> runs, List<ResultFinding> folderFindings) {

    public static Evaluation none(String configPath, String folder) {
        return new Evaluation(configPath, folder, List.of(), List.of());
    }

    public Evaluation {
        runs = List.copyOf(runs);
        folderFindings = List.copyOf(folderFindings);
    }

    public boolean isEmpty() {
        return runs.isEmpty() && folderFindings.isEmpty();
    }

    public boolean hasErrors() {
        return folderFindings.stream().anyMatch(ResultFinding::isError) || runs.stream().anyMatch(RunView::hasErrors);
    }

    public long accepted() {
        return runs.stream().filter(RunView::accepted).count();
    }

    /** Every error, folder-level first, for a one-line summary. */
    public List<ResultFinding> errors() {
        List<ResultFinding> out = new java.util.ArrayList<>(folderFindings.stream().filter(ResultFinding::isError).toList());
        runs.forEach(r -> r.findings().stream().filter(ResultFinding::isError).forEach(out::add));
        return out;
    }
}
