package dev.adapthub.core.validation;

import dev.adapthub.chips.validate.ValidationReport;
import dev.adapthub.chips.validate.ValidationReport.Verdict;

/**
 * The outcome of validating one inference config of a repository at one commit.
 *
 * @param path         the config's path in the repository
 * @param commitId     the commit the config was read at
 * @param blobId       the config file's blob id at that commit
 * @param chip         the chip validated against (the config's target, or the chip asked for)
 * @param model        where the model's {@code config.json} came from; null when it could not be read
 * @param reportDigest SHA-256 (hex) of {@code reportJson}: names this exact report in provenance
 */
public record ConfigValidation(
        String path,
        String commitId,
        String blobId,
        String chip,
        String engine,
        Verdict verdict,
        String backendId,
        String backendVersion,
        int catalogVersion,
        ModelSource model,
        String reportJson,
        String reportDigest,
        ValidationReport report) {

    /** PASS and WARN configs may be merged and offered for download; FAIL ones may not. */
    public boolean passed() {
        return verdict != Verdict.FAIL;
    }

    /**
     * The {@code config.json} a validation read: a file of the same repository ({@code repo} is
     * the config's own repository) or of the model repository named by {@code model.repo}.
     *
     * @param repo     full name of the repository that holds it ({@code owner/name})
     * @param commitId the commit it was read at
     * @param path     its path in that repository
     * @param blobId   its blob id: when a later commit has another, validations that read it are stale
     */
    public record ModelSource(String repo, String commitId, String path, String blobId) { }
}
