package dev.adapthub.core.adaptation;

import dev.adapthub.chips.catalog.ChipSpec;
import dev.adapthub.chips.validate.ValidationReport.Verdict;
import dev.adapthub.core.measured.MeasuredResults;
import dev.adapthub.core.repo.Repo;

/**
 * One validated config as the matrix shows it: the model repository, the chip (with its family
 * and vendor from the catalog) and the validation's outcome.
 *
 * @param outputTokensPerSecond the estimate, or null when the validation failed or made none
 * @param measuredOutputTokensPerSecond the median of the accepted measured runs, null when none
 * @param measuredRuns          how many accepted runs measured it
 */
public record MatrixEntry(String repo, String repoUrlPath, String path, String file, String chip, String chipName,
        String family, String vendor, String engine, String quantization, Verdict verdict,
        Double outputTokensPerSecond, boolean stale, String commitId, Double measuredOutputTokensPerSecond,
        int measuredRuns) {

    static MatrixEntry of(Repo repo, AdaptationValidation row, ChipSpec chip, boolean stale,
            MeasuredResults.Summary measured) {
        return new MatrixEntry(repo.fullName(), repo.urlPath(), row.path(), row.fileName(), row.chip(),
                chip == null ? row.chip() : chip.name(), chip == null ? "" : chip.family().name(),
                chip == null ? "" : chip.vendor(), row.engine(), row.quantization() == null ? "" : row.quantization(),
                row.verdict(), row.outputTokensPerSecond(), stale, row.commitId(),
                measured == null ? null : measured.outputTokensPerSecond(), measured == null ? 0 : measured.runs());
    }

    /** Whether the figure shown is a measurement rather than an estimate. */
    public boolean measured() {
        return measuredOutputTokensPerSecond != null;
    }

    /** The figure the matrix shows and ranks by: measured where a measurement exists, else the estimate. */
    public Double shownTokensPerSecond() {
        return measured() ? measuredOutputTokensPerSecond : outputTokensPerSecond;
    }

    public boolean passed() {
        return verdict != Verdict.FAIL;
    }

    /** Higher is better: passed before failed, then the faster figure (measured where there is one). */
    double rank() {
        Double shown = shownTokensPerSecond();
        return (passed() ? 1e12 : 0) + (shown == null ? 0 : shown);
    }
}
