package dev.adapthub.core.adaptation;

import dev.adapthub.chips.catalog.ChipSpec;
import dev.adapthub.chips.validate.ValidationReport.Verdict;
import dev.adapthub.core.repo.Repo;

/**
 * One validated config as the matrix shows it: the model repository, the chip (with its family
 * and vendor from the catalog) and the validation's outcome.
 *
 * @param outputTokensPerSecond the estimate, or null when the validation failed or made none
 */
public record MatrixEntry(String repo, String repoUrlPath, String path, String file, String chip, String chipName,
        String family, String vendor, String engine, String quantization, Verdict verdict,
        Double outputTokensPerSecond, boolean stale, String commitId) {

    static MatrixEntry of(Repo repo, AdaptationValidation row, ChipSpec chip, boolean stale) {
        return new MatrixEntry(repo.fullName(), repo.urlPath(), row.path(), row.fileName(), row.chip(),
                chip == null ? row.chip() : chip.name(), chip == null ? "" : chip.family().name(),
                chip == null ? "" : chip.vendor(), row.engine(), row.quantization() == null ? "" : row.quantization(),
                row.verdict(), row.outputTokensPerSecond(), stale, row.commitId());
    }

    public boolean passed() {
        return verdict != Verdict.FAIL;
    }

    /** Higher is better: passed before failed, then the faster estimate. */
    double rank() {
        return (passed() ? 1e12 : 0) + (outputTokensPerSecond == null ? 0 : outputTokensPerSecond);
    }
}
